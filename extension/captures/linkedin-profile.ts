import { PERSON_CAPTURE_FIELDS, type PersonCapture, type PersonCaptureField } from '../../shared/capture/capture';
import { all, cleanText, hasType, JSON_LD, ldString, once, readJsonLd, readMeta, visibleText } from './dom';
import { embeddedProfile, entityText } from './linkedin-embedded';
import { css, type LINKEDIN } from './linkedin-selectors';
import { contactPlans, currentExperience, isPhoto, linkedinPerson, withoutSuffix } from './linkedin-parts';
import { pageOf, runPlans, TRUST, type FieldPlan, type Page } from './strategy';
import * as check from './validate';

const member = (page: Page) => embeddedProfile(page.doc, page.url);
// Read across the whole page, in one walk: the embedded data, JSON-LD and the main region.
const ACROSS_PAGE = [css('embeddedJson'), JSON_LD, css('mainRegion')];
/** The page's main region, where the class, ARIA and heading strategies look; the whole page if it has none. */
const region = ({ doc }: Page): ParentNode => all(doc, css('mainRegion'))[0] ?? doc;
const inMain = (page: Page, name: keyof typeof LINKEDIN) => region(page).querySelector(css(name));

/** The page's own Person in JSON-LD: the one whose URL is this profile, or the only one. */
function personLd({ doc, url }: Page): Record<string, unknown> | undefined {
  const people = readJsonLd(doc).filter((node) => hasType(node, 'Person'));
  const self = check.linkedinProfile(url.href);
  return people.find((p) => self && check.linkedinProfile(ldString(p.url, 'url') ?? '') === self) ?? (people.length === 1 ? people[0] : undefined);
}
const currentEmployer = (page: Page) => [personLd(page)?.worksFor].flat().find((org) => org && !(org as { member?: { endDate?: unknown } }).member?.endDate);
const currentCompanyLabel = (page: Page) => once(page.doc, 'company', () => /:\s*(.+?)(?:\.\s+(?:Click|برای).*)?$/.exec(inMain(page, 'currentCompany')?.getAttribute('aria-label') ?? '')?.[1]);
const experience = (page: Page) => once(page.doc, 'experience', () => currentExperience(region(page), currentCompanyLabel(page)));

/**
 * A LinkedIn person profile (logged-in and public layouts): embedded API JSON and JSON-LD first, then the
 * URL, ARIA labels and semantic markup, then Open Graph, then LinkedIn's class names.
 */
const PLANS: Partial<Record<PersonCaptureField, FieldPlan>> = {
  fullName: {
    check: check.name,
    strategies: [
      { name: 'embedded-json', confidence: TRUST.structured, read: (page) => cleanText(`${entityText(member(page), 'firstName') ?? ''} ${entityText(member(page), 'lastName') ?? ''}`) },
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.name) },
      { name: 'h1', confidence: TRUST.semantic, read: (page) => cleanText(inMain(page, 'profileHeading')?.textContent) },
      { name: 'og:title', confidence: TRUST.meta, read: ({ doc }) => withoutSuffix(readMeta(doc, 'og:title')) },
      { name: 'class:text-heading-xlarge', confidence: TRUST.classes, read: (page) => cleanText(inMain(page, 'profileHeadingClass')?.textContent) },
    ],
  },
  givenName: { check: check.name, strategies: [{ name: 'embedded-json', confidence: TRUST.structured, read: (page) => entityText(member(page), 'firstName') }, { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.givenName) }] },
  familyName: { check: check.name, strategies: [{ name: 'embedded-json', confidence: TRUST.structured, read: (page) => entityText(member(page), 'lastName') }, { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.familyName) }] },
  headline: {
    check: check.text,
    strategies: [
      { name: 'embedded-json', confidence: TRUST.structured, read: (page) => entityText(member(page), 'headline') },
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.description) },
      { name: 'class:text-body-medium', confidence: TRUST.classes, read: (page) => cleanText(inMain(page, 'headlineClass')?.textContent) },
    ],
  },
  title: {
    check: check.text,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.jobTitle) },
      { name: 'experience', confidence: TRUST.semantic, read: (page) => experience(page)?.title },
    ],
  },
  company: {
    check: check.name,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(currentEmployer(page)) },
      { name: 'aria-label', confidence: TRUST.aria, read: currentCompanyLabel },
      { name: 'experience', confidence: TRUST.classes, read: (page) => currentExperience(region(page), undefined)?.company },
    ],
  },
  companyLinkedinUrl: {
    check: check.linkedinCompany,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(currentEmployer(page), 'url') },
      { name: 'experience', confidence: TRUST.semantic, read: (page) => experience(page)?.companyUrl },
    ],
  },
  location: {
    check: check.text,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.address, 'addressLocality') },
      { name: 'embedded-json', confidence: TRUST.structured, read: (page) => entityText(member(page), 'locationName') },
      { name: 'class:t-black--light', confidence: TRUST.classes, read: (page) => visibleText(inMain(page, 'locationClass')) },
    ],
  },
  // The live URL first: in the single-page app the canonical link can lag behind a navigation.
  linkedinUrl: {
    check: check.linkedinProfile,
    strategies: [
      { name: 'url', confidence: TRUST.url, read: ({ url }) => url.href },
      { name: 'canonical', confidence: TRUST.url, read: ({ doc }) => doc.querySelector(css('canonical'))?.getAttribute('href') },
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.url, 'url') },
    ],
  },
  photoUrl: {
    check: isPhoto,
    strategies: [
      { name: 'json-ld', confidence: TRUST.structured, read: (page) => ldString(personLd(page)?.image, 'contentUrl') },
      { name: 'img-alt', confidence: TRUST.semantic, read: (page) => photoByAlt(region(page)) },
      { name: 'class:profile-picture', confidence: TRUST.classes, read: (page) => inMain(page, 'photoClass')?.getAttribute('src') },
    ],
  },
  ...contactPlans(),
};

// The portrait is the image whose alt text is the person's name, next to the page's one h1.
function photoByAlt(root: ParentNode): string | null | undefined {
  const name = cleanText(root.querySelector(css('profileHeading'))?.textContent);
  return name ? [...root.querySelectorAll(css('portraitCandidates'))].find((img) => cleanText(img.getAttribute('alt')) === name)?.getAttribute('src') : undefined;
}

/** A LinkedIn person profile as a capture; a page without a name gives no fields at all. */
export function extractLinkedinProfile(doc: Document, url: string): PersonCapture {
  return linkedinPerson(url, runPlans(pageOf(doc, url, ACROSS_PAGE), PLANS, PERSON_CAPTURE_FIELDS).fields);
}

// Fixtures: sites/www.linkedin.com/in/ada-lovelace/index.html, sites/www.linkedin.com/in/sara-ahmadi/index.html, sites/ir.linkedin.com/in/mina-farahani-4b2a19/index.html, pages/linkedin/profile-rtl-persian.html, pages/linkedin/profile-contact-info.html, pages/linkedin/profile-cjk.html, pages/linkedin/profile-missing-fields.html
