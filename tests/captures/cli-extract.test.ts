import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURES } from './fixtures';

// The CLI runs the extension's own extractors on saved pages: the same capture the browser makes.
const ROOT = join(import.meta.dirname, '..', '..');
const clipsheet = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'clipsheet.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
const fixture = (path: string) => join(FIXTURES, path);

test('a LinkedIn profile saved from the browser prints as the person capture, with strategies and missing fields', () => {
  const run = clipsheet('extract', fixture('pages/linkedin/profile-rtl-persian.html'), '--url', 'https://www.linkedin.com/in/negar-tehrani/overlay/contact-info/', '--compact');
  expect(run.status).toBe(0);
  const capture = JSON.parse(run.stdout);
  expect(capture).toMatchObject({ kind: 'person', source: 'linkedin', missing: ['title', 'companyLinkedinUrl'] });
  expect(capture.fields.email).toEqual({ value: 'negar.tehrani@arya-novin.example', confidence: 0.95, strategy: 'contact-info:mailto' });
});

test('the URL chooses the capture: a Gmail thread, and a web page whose vCard link is read from the file beside it', () => {
  const thread = JSON.parse(clipsheet('extract', fixture('sites/mail.google.com/mail/u/0/index.html'), '--url', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN').stdout);
  expect(thread).toMatchObject({ kind: 'email-thread', fields: { subject: { value: 'Pilot order for Q1' } } });
  expect(thread.messages).toHaveLength(3);
  const page = JSON.parse(clipsheet('extract', fixture('sites/events.example.org/speakers/index.html'), '--url', 'https://events.example.org/speakers/').stdout);
  const ali = page.people.find((p: { fields: { fullName: { value: string } } }) => p.fields.fullName.value === 'Ali Rezaei');
  expect(ali.fields).toMatchObject({ company: { value: 'Arya Novin', strategy: 'vcard' }, linkedinUrl: { value: 'https://www.linkedin.com/in/ali-rezaei-arya' }, phone: { value: '+98 912 000 1111' } });
});

test('a text selection and a vCard file are read by their extension', () => {
  const selection = JSON.parse(clipsheet('extract', fixture('pages/selection/persian-card.txt'), '--url', 'https://www.arya-novin.example/fa/contact').stdout);
  expect(selection.people[0].fields.fullName.value).toBe('مریم صادقی');
  const card = JSON.parse(clipsheet('extract', fixture('sites/events.example.org/speakers/ali-rezaei.vcf'), '--url', 'https://events.example.org/speakers/ali-rezaei.vcf').stdout);
  expect(card.people[0].fields).toMatchObject({ givenName: { value: 'Ali' }, familyName: { value: 'Rezaei' }, title: { value: 'Sales Director' } });
});

test('usage errors exit 2 with the usage; an unreadable file exits 1', () => {
  expect(clipsheet('extract', fixture('pages/linkedin/profile-cjk.html')).status).toBe(2);
  const noCapture = clipsheet('extract', fixture('pages/linkedin/profile-cjk.html'), '--url', 'chrome://settings/');
  expect(noCapture.status).toBe(2);
  expect(noCapture.stderr).toContain('no capture runs at chrome://settings/');
  expect(clipsheet('extract', fixture('nope.html'), '--url', 'https://www.example.org/').status).toBe(1);
});
