import {
  ORGANISATION_CAPTURE_FIELDS,
  PERSON_CAPTURE_FIELDS,
  type CapturedField,
  type OrganisationCapture,
  type OrganisationCaptureField,
  type PersonCapture,
  type PersonCaptureField,
} from '../../shared/capture/capture';
import type { CaptureSource } from '../../shared/model';
import { absoluteUrl } from './dom';
import { isPhoto } from './linkedin-parts';
import { isSizeBand } from './organisation-parts';
import { splitName } from './split-name';
import * as check from './validate';

/** What a structured-data reader found for one record: raw values, one strategy and confidence for all. */
export interface RawRecord<F extends string> {
  values: Partial<Record<F, string | undefined>>;
  strategy: string;
  confidence: number;
}

const PERSON_CHECKS: Record<PersonCaptureField, check.Validator> = {
  fullName: check.name, givenName: check.name, familyName: check.name, headline: check.text, title: check.text, company: check.name,
  companyLinkedinUrl: check.linkedinCompany, location: check.text, linkedinUrl: check.linkedinProfile, photoUrl: isPhoto,
  email: check.email, phone: check.phone, website: check.webUrl,
};
const ORGANISATION_CHECKS: Record<OrganisationCaptureField, check.Validator> = {
  name: check.name, website: check.webUrl, linkedinUrl: check.linkedinCompany, industry: check.text, sizeBand: isSizeBand,
  headquarters: check.text, logoUrl: check.webUrl, email: check.email, phone: check.phone,
};

function validated<F extends string>(raw: RawRecord<F>, checks: Record<F, check.Validator>, all: readonly F[], url: string) {
  const fields: Partial<Record<F, CapturedField>> = {};
  for (const field of all) {
    const given = raw.values[field];
    // Structured data often gives paths ("/img/ali.jpg"): resolved against the page, as a browser would.
    const resolved = given && /Url$|^website$/.test(field) ? (absoluteUrl(given, url) ?? given) : given;
    const value = resolved && checks[field](resolved);
    if (value) fields[field] = { value, confidence: raw.confidence, strategy: raw.strategy };
  }
  return fields;
}

/** A person from raw values, each checked; no valid name, no person. */
export function toPerson(raw: RawRecord<PersonCaptureField>, url: string, source: CaptureSource): PersonCapture | undefined {
  const fields = validated(raw, PERSON_CHECKS, PERSON_CAPTURE_FIELDS, url);
  if (!fields.fullName) return undefined;
  if (!fields.givenName && !fields.familyName) Object.assign(fields, splitName(fields.fullName));
  return { kind: 'person', source, url, fields, missing: PERSON_CAPTURE_FIELDS.filter((f) => !fields[f]) };
}

/** An organisation from raw values, each checked; no valid name, no organisation. */
export function toOrganisation(raw: RawRecord<OrganisationCaptureField>, url: string, source: CaptureSource): OrganisationCapture | undefined {
  const fields = validated(raw, ORGANISATION_CHECKS, ORGANISATION_CAPTURE_FIELDS, url);
  if (!fields.name) return undefined;
  return { kind: 'organisation', source, url, fields, missing: ORGANISATION_CAPTURE_FIELDS.filter((f) => !fields[f]) };
}

/**
 * Records that describe the same person or organisation (JSON-LD and microdata often both do) merged into
 * one: matched by email, else by name; the first record's values win, later ones only fill gaps.
 */
export function mergeRecords<C extends PersonCapture | OrganisationCapture>(records: C[]): C[] {
  const out: C[] = [];
  const keyOf = (c: C) => {
    const f = c.fields as Record<string, CapturedField | undefined>;
    return [f.email?.value, (f.fullName ?? f.name)?.value.toLowerCase()].filter(Boolean) as string[];
  };
  for (const record of records) {
    const keys = keyOf(record);
    const same = out.find((other) => keyOf(other).some((k) => keys.includes(k)));
    if (!same) out.push(record);
    else {
      const fields = same.fields as Record<string, CapturedField | undefined>;
      for (const [name, field] of Object.entries(record.fields)) fields[name] ??= field as CapturedField;
      same.missing = (same.missing as string[]).filter((name) => !fields[name]) as C['missing'];
    }
  }
  return out;
}
