import { PERSON_CAPTURE_FIELDS, type PersonCapture, type PersonCaptureField } from '../../shared/capture/capture';
import { cleanText } from './dom';
import { css } from './linkedin-selectors';
import { linkedinPerson } from './linkedin-parts';
import { pageOf, runPlans, TRUST, type FieldPlan, type Page, type Strategy } from './strategy';
import * as check from './validate';

// Sales Navigator marks every personal value with `data-anonymize` (for its own screenshot redaction): an
// attribute its redesigns have kept, unlike its class names. Within one lead, the first match is the lead's.
function plansFor(root: ParentNode, inList: boolean): Partial<Record<PersonCaptureField, FieldPlan>> {
  const attr = (kind: string): Strategy => ({ name: `data-anonymize:${kind}`, confidence: TRUST.aria, read: () => cleanText(root.querySelector(`[data-anonymize="${kind}"]`)?.textContent) });
  const link = (name: string, selector: string): Strategy => ({ name, confidence: TRUST.url, read: () => root.querySelector(selector)?.getAttribute('href') });
  return {
    fullName: { check: check.name, strategies: [attr('person-name')] },
    headline: { check: check.text, strategies: [attr('headline')] },
    title: { check: check.text, strategies: [attr('job-title'), attr('title')] },
    company: { check: check.name, strategies: [attr('company-name')] },
    location: { check: check.text, strategies: [attr('location')] },
    // Lead URLs carry Sales Navigator's own member id; only a link to the public profile identifies the person,
    // and in a list the page's URL is the list's, nobody's profile.
    linkedinUrl: {
      check: check.linkedinProfile,
      strategies: [link('profile-link', css('leadProfileLink')), ...(inList ? [] : [{ name: 'url', confidence: TRUST.url, read: ({ url }: Page) => url.href }])],
    },
    companyLinkedinUrl: { check: check.linkedinCompany, strategies: [link('company-link', css('leadCompanyLink'))] },
    photoUrl: { check: check.webUrl, strategies: [{ name: 'data-anonymize:headshot-photo', confidence: TRUST.aria, read: () => root.querySelector(css('leadPhoto'))?.getAttribute('src') }] },
  };
}

/** One lead (a lead page, or one result of a list) as a person capture; no name, no fields. */
export function readLead(page: Page, root: ParentNode, inList: boolean): PersonCapture {
  return linkedinPerson(page.url.href, runPlans(page, plansFor(root, inList), PERSON_CAPTURE_FIELDS).fields);
}

/** A Sales Navigator lead page as a capture. */
export function extractSalesNavigatorLead(doc: Document, url: string): PersonCapture {
  // The lead page's own header; "similar leads" further down are other people.
  const header = doc.querySelector(css('leadName'))?.closest('section');
  return readLead(pageOf(doc, url), header ?? doc.createElement('section'), false);
}

// Fixtures: sites/www.linkedin.com/sales/lead/ACwAAA1b2c3D4e5F6g7H8,NAME_SEARCH,x1Y2/index.html
