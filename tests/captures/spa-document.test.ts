import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { extractLinkedinProfile } from '../../extension/captures/linkedin-profile';
import { FIXTURES, flatten, parseDocument } from './fixtures';

// A single-page app keeps one Document across navigations: nothing read from the first profile may leak into
// the second (a cached read once gave Kian Sara's company in the real browser).
test('the same Document, re-rendered for another person, is read afresh', () => {
  const doc = parseDocument(readFileSync(join(FIXTURES, 'sites/www.linkedin.com/in/sara-ahmadi/index.html'), 'utf8'));
  expect(flatten(extractLinkedinProfile(doc, 'https://www.linkedin.com/in/sara-ahmadi/')).company).toBe('Parsian Robotics');
  doc.querySelector('main')!.innerHTML = `<section class="artdeco-card pv-top-card"><h1>Kian Rostami</h1>
    <ul><li><button aria-label="Current company: Kaveh Logistics. Click to skip to experience card">Kaveh Logistics</button></li></ul></section>`;
  doc.querySelector('link[rel="canonical"]')!.setAttribute('href', 'https://www.linkedin.com/in/kian-rostami/');
  const kian = flatten(extractLinkedinProfile(doc, 'https://www.linkedin.com/in/kian-rostami/'));
  expect(kian).toMatchObject({ fullName: 'Kian Rostami', company: 'Kaveh Logistics', headline: 'Procurement lead', linkedinUrl: 'https://www.linkedin.com/in/kian-rostami' });
  expect(kian.title).toBeUndefined();
  expect(kian.companyLinkedinUrl).toBeUndefined();
});

test('JSON-LD replaced in place is read afresh', () => {
  const doc = parseDocument(readFileSync(join(FIXTURES, 'sites/www.linkedin.com/in/ada-lovelace/index.html'), 'utf8'));
  expect(flatten(extractLinkedinProfile(doc, 'https://www.linkedin.com/in/ada-lovelace/')).fullName).toBe('Ada Lovelace');
  doc.querySelector('script[type="application/ld+json"]')!.textContent = '{"@type":"Person","name":"Grace Hopper","url":"https://www.linkedin.com/in/grace-hopper"}';
  doc.querySelector('h1')!.textContent = 'Grace Hopper';
  expect(flatten(extractLinkedinProfile(doc, 'https://www.linkedin.com/in/grace-hopper/')).fullName).toBe('Grace Hopper');
});
