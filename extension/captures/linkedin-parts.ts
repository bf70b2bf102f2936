import { PERSON_CAPTURE_FIELDS, type CapturedField, type PersonCapture, type PersonCaptureField } from '../../shared/capture/capture';
import { cleanText, valueAfterLabel } from './dom';
import { css } from './linkedin-selectors';
import { splitName } from './split-name';
import { TRUST, type FieldPlan, type Page } from './strategy';
import * as check from './validate';

/**
 * A LinkedIn person (profile or Sales Navigator lead) from the fields its strategies found; no name, no fields
 * at all. Given and family name are split from the full name only when no source gave either: halves from two
 * sources may not belong together.
 */
export function linkedinPerson(url: string, fields: Partial<Record<PersonCaptureField, CapturedField>>): PersonCapture {
  if (!fields.fullName) return { kind: 'person', source: 'linkedin', url, fields: {}, missing: [...PERSON_CAPTURE_FIELDS] };
  if (!fields.givenName && !fields.familyName) Object.assign(fields, splitName(fields.fullName));
  return { kind: 'person', source: 'linkedin', url, fields, missing: PERSON_CAPTURE_FIELDS.filter((f) => !fields[f]) };
}

/** The first Experience entry: title, company and the company's LinkedIn link, read by ids and ARIA, not classes. */
export function currentExperience(root: ParentNode, knownCompany: string | undefined) {
  const item = root.querySelector(css('experienceAnchor'))?.closest('section')?.querySelector('li');
  if (!item) return undefined;
  const lines = (root: Element) => [...root.querySelectorAll(css('experienceLines'))].map((span) => cleanText(span.textContent)).filter((t): t is string => !!t);
  const [first, second] = lines(item);
  const companyUrl = item.querySelector(css('experienceLogo'))?.getAttribute('href') ?? undefined;
  // Several roles at one company are grouped: the first line is then the company, the roles are nested items.
  if (knownCompany && first === knownCompany) {
    const nested = item.querySelector('li');
    return { title: nested ? lines(nested)[0] : undefined, company: first, companyUrl };
  }
  const company = second?.split(' · ')[0]?.trim();
  // An entry that is not at the current company (an older job listed first) tells nothing about today.
  if (knownCompany && company !== knownCompany) return undefined;
  return { title: first, company, companyUrl };
}

/** og:title without " | LinkedIn" and the " - Company" LinkedIn appends. */
export function withoutSuffix(title: string | undefined): string | undefined {
  return title?.replace(/\s*\|\s*LinkedIn.*$/i, '').split(/\s+[-–]\s+/)[0];
}

/** A portrait URL, never LinkedIn's static placeholder ("ghost") images. */
export const isPhoto = (value: string) => {
  const url = check.webUrl(value);
  return url && !/static\.licdn\.com|ghost|\/aero-v1\//i.test(url) ? url : undefined;
};

// The contact-info overlay has its own URL; a dialog on any other page (messaging, ads) is not it.
function contactDialog({ doc, url }: Page): Element | undefined {
  if (!/\/overlay\/contact-info\/?$/.test(url.pathname)) return undefined;
  return doc.querySelector(css('contactDialog')) ?? undefined;
}

function labelled(page: Page, label: RegExp): Element | undefined {
  const dialog = contactDialog(page);
  return dialog ? valueAfterLabel(dialog, label) : undefined;
}

/** Email, phone and website from the contact-info overlay, read only when the rep has opened it. */
export function contactPlans(): Partial<Record<PersonCaptureField, FieldPlan>> {
  return {
    email: {
      check: check.email,
      strategies: [{ name: 'contact-info:mailto', confidence: TRUST.structured, read: (page) => contactDialog(page)?.querySelector(css('contactMailto'))?.getAttribute('href') }],
    },
    phone: {
      check: check.phone,
      strategies: [
        {
          name: 'contact-info:label',
          confidence: TRUST.semantic,
          read: (page) => {
            const value = labelled(page, /^(?:phone|تلفن|شماره تلفن)$/i);
            return cleanText((value?.querySelector('span') ?? value)?.textContent);
          },
        },
      ],
    },
    website: {
      check: check.externalUrl,
      strategies: [{ name: 'contact-info:label', confidence: TRUST.semantic, read: (page) => labelled(page, /^(?:websites?|وب\u200c?سایت)$/i)?.querySelector('a[href]')?.getAttribute('href') }],
    },
  };
}
