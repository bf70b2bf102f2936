import { ORGANISATION_CAPTURE_FIELDS, type OrganisationCapture, type OrganisationCaptureField } from '../../shared/capture/capture';
import { cleanText, hasType, ldString, readJsonLd, readMeta, valueAfterLabel } from './dom';
import { css } from './linkedin-selectors';
import { addressLine, isSizeBand, sizeBand, unwrapRedirect } from './organisation-parts';
import { pageOf, runPlans, TRUST, type FieldPlan, type Page } from './strategy';
import * as check from './validate';

const orgLd = ({ doc }: Page) => readJsonLd(doc).find((node) => hasType(node, 'Organization', 'Corporation', 'EducationalOrganization'));
// The About list: data-test-id rows on the public page, dt/dd label pairs (English or Persian) when logged in.
function aboutRow(page: Page, testId: string, label: RegExp): Element | undefined {
  const row = page.doc.querySelector(`[data-test-id="about-us__${testId}"] dd`);
  const list = row ? undefined : page.doc.querySelector(css('companyAbout'));
  return row ?? (list ? valueAfterLabel(list, label) : undefined);
}
const about = (page: Page, testId: string, label: RegExp) => cleanText(aboutRow(page, testId, label)?.textContent);
const aboutLink = (page: Page, testId: string, label: RegExp) => unwrapRedirect(aboutRow(page, testId, label)?.querySelector('a')?.getAttribute('href'));

/** A LinkedIn company page (logged-in or public): JSON-LD first, then the About list's labels, then meta and classes. */
const PLANS: Partial<Record<OrganisationCaptureField, FieldPlan>> = {
  name: {
    check: check.name,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(orgLd(page)?.name) },
      { name: 'h1', confidence: TRUST.semantic, read: ({ doc }) => cleanText(doc.querySelector(css('companyHeading'))?.textContent) },
      { name: 'og:title', confidence: TRUST.meta, read: ({ doc }) => readMeta(doc, 'og:title')?.replace(/\s*\|\s*LinkedIn.*$/i, '') },
    ],
  },
  website: {
    check: check.externalUrl,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(orgLd(page)?.sameAs, 'url') },
      { name: 'about-label', confidence: TRUST.semantic, read: (page) => aboutLink(page, 'website', /^(?:website|وب\u200c?سایت)$/i) },
    ],
  },
  linkedinUrl: {
    check: check.linkedinCompany,
    strategies: [
      { name: 'url', confidence: TRUST.url, read: ({ url }) => url.href },
      { name: 'canonical', confidence: TRUST.url, read: ({ doc }) => doc.querySelector(css('canonical'))?.getAttribute('href') },
    ],
  },
  industry: { check: check.text, strategies: [{ name: 'about-label', confidence: TRUST.semantic, read: (page) => about(page, 'industry', /^(?:industry|industries|صنعت)$/i) }] },
  sizeBand: {
    check: isSizeBand,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => sizeBand(orgLd(page)?.numberOfEmployees) },
      { name: 'about-label', confidence: TRUST.semantic, read: (page) => about(page, 'size', /^(?:company size|اندازه شرکت)$/i) },
    ],
  },
  headquarters: {
    check: check.text,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => addressLine(orgLd(page)?.address) },
      { name: 'about-label', confidence: TRUST.semantic, read: (page) => about(page, 'headquarters', /^(?:headquarters|دفتر مرکزی)$/i) },
    ],
  },
  logoUrl: {
    check: check.webUrl,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(orgLd(page)?.logo, 'contentUrl') },
      { name: 'class:logo', confidence: TRUST.classes, read: ({ doc }) => doc.querySelector(css('companyLogo'))?.getAttribute('src') },
    ],
  },
};

/** A LinkedIn company page as a capture; a page without the company's name gives no fields at all. */
export function extractLinkedinCompany(doc: Document, url: string): OrganisationCapture {
  const { fields, missing } = runPlans(pageOf(doc, url), PLANS, ORGANISATION_CAPTURE_FIELDS);
  if (!fields.name) return { kind: 'organisation', source: 'linkedin', url, fields: {}, missing: [...ORGANISATION_CAPTURE_FIELDS] };
  return { kind: 'organisation', source: 'linkedin', url, fields, missing };
}

// Fixtures: sites/www.linkedin.com/company/parsian-robotics/index.html, pages/linkedin/company-public.html
