/**
 * Every CSS selector the LinkedIn extractors use, in one place, each with how many elements it matches on a
 * named fixture (paths under tests/fixtures/). The conventions test checks every count, so a selector that
 * drifts from the markup it was written for fails loudly here rather than quietly in a rep's browser.
 */
/** Where a selector was checked: a fixture and how many elements it matches there. */
export interface SelectorExpectation {
  fixture: string;
  count: number;
}

const SARA = 'sites/www.linkedin.com/in/sara-ahmadi/index.html';
const PUBLIC = 'sites/ir.linkedin.com/in/mina-farahani-4b2a19/index.html';
const COMPANY = 'sites/www.linkedin.com/company/parsian-robotics/index.html';
const LEAD = 'sites/www.linkedin.com/sales/lead/ACwAAA1b2c3D4e5F6g7H8,NAME_SEARCH,x1Y2/index.html';
const SEARCH = 'sites/www.linkedin.com/sales/search/people/index.html';

/** The selectors, by name (only these strings are bundled into the content script). */
export const LINKEDIN = {
  // The profile's own region: its name, top card and experience are in it; nav, asides, overlays and the
  // embedded API data are not. The class, ARIA and heading strategies read only inside it.
  mainRegion: 'main',
  canonical: 'link[rel="canonical"]',
  embeddedJson: 'code[id^="bpr-guid-"]',
  profileHeading: 'main h1',
  portraitCandidates: 'main img[alt]',
  profileHeadingClass: 'h1.text-heading-xlarge, h1.top-card-layout__title',
  headlineClass: '.pv-top-card .text-body-medium, .top-card-layout__headline',
  currentCompany: '[aria-label^="Current company:"], [aria-label^="شرکت فعلی:"]',
  experienceAnchor: '#experience',
  experienceLines: 'span[aria-hidden="true"]',
  experienceLogo: 'a[data-field="experience_company_logo"]',
  locationClass: '.pv-top-card .text-body-small.t-black--light, .top-card__subline-item, .pv-top-card--list-bullet > li',
  photoClass: 'img.pv-top-card-profile-picture__image--show, img.top-card__profile-image',
  contactDialog: '[role="dialog"]',
  contactMailto: 'a[href^="mailto:"]',
  companyHeading: 'main h1',
  companyAbout: 'main dl',
  companyLogo: 'img.org-top-card-primary-content__logo, img.top-card-layout__entity-image',
  leadName: '[data-anonymize="person-name"]',
  leadPhoto: 'img[data-anonymize="headshot-photo"]',
  leadProfileLink: 'a[href*="linkedin.com/in/"]',
  leadCompanyLink: 'a[href*="linkedin.com/company/"]',
  leadHeadline: '[data-anonymize="headline"]',
  leadTitle: '[data-anonymize="job-title"]',
  leadCompany: '[data-anonymize="company-name"]',
  leadLocation: '[data-anonymize="location"]',
  searchResult: '[data-x-search-result], li',
} as const;

/** Each selector's expected match count on a fixture, checked by tests/captures/conventions.test.ts. */
export const LINKEDIN_EXPECTED: Record<keyof typeof LINKEDIN, SelectorExpectation> = {
  mainRegion: { fixture: SARA, count: 1 },
  canonical: { fixture: SARA, count: 1 },
  embeddedJson: { fixture: SARA, count: 1 },
  profileHeading: { fixture: SARA, count: 1 },
  portraitCandidates: { fixture: SARA, count: 4 },
  profileHeadingClass: { fixture: PUBLIC, count: 1 },
  headlineClass: { fixture: SARA, count: 1 },
  currentCompany: { fixture: SARA, count: 1 },
  experienceAnchor: { fixture: SARA, count: 1 },
  experienceLines: { fixture: SARA, count: 6 },
  experienceLogo: { fixture: SARA, count: 2 },
  locationClass: { fixture: SARA, count: 1 },
  photoClass: { fixture: SARA, count: 1 },
  contactDialog: { fixture: 'pages/linkedin/profile-contact-info.html', count: 1 },
  contactMailto: { fixture: 'pages/linkedin/profile-contact-info.html', count: 2 },
  companyHeading: { fixture: COMPANY, count: 1 },
  companyAbout: { fixture: COMPANY, count: 1 },
  companyLogo: { fixture: COMPANY, count: 1 },
  leadName: { fixture: LEAD, count: 2 },
  leadPhoto: { fixture: LEAD, count: 1 },
  leadProfileLink: { fixture: LEAD, count: 1 },
  leadCompanyLink: { fixture: LEAD, count: 1 },
  leadHeadline: { fixture: LEAD, count: 1 },
  leadTitle: { fixture: LEAD, count: 2 },
  leadCompany: { fixture: LEAD, count: 1 },
  leadLocation: { fixture: LEAD, count: 1 },
  searchResult: { fixture: SEARCH, count: 6 },
};

/** The CSS of a named selector. */
export const css = (name: keyof typeof LINKEDIN) => LINKEDIN[name];
