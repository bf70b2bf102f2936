import type { CaptureSource } from '../model';

/**
 * What an extractor found on a page: each field with how sure it is and which strategy found it, so a
 * rep (and a test) can see why a value is there. A field no strategy found is listed as missing, never
 * guessed.
 */
export interface CapturedField {
  value: string;
  /** 0..1: structured data ~0.95, ARIA/semantic markup ~0.8, class names ~0.5. */
  confidence: number;
  /** The strategy that found it, e.g. `json-ld`, `og:title`, `aria-label`, `class:text-heading-xlarge`. */
  strategy: string;
}

export const PERSON_CAPTURE_FIELDS = [
  'fullName',
  'givenName',
  'familyName',
  'headline',
  'title',
  'company',
  'companyLinkedinUrl',
  'location',
  'linkedinUrl',
  'photoUrl',
  'email',
  'phone',
  'website',
] as const;
export type PersonCaptureField = (typeof PERSON_CAPTURE_FIELDS)[number];

export interface PersonCapture {
  kind: 'person';
  source: CaptureSource;
  /** The page the capture came from. */
  url: string;
  fields: Partial<Record<PersonCaptureField, CapturedField>>;
  missing: PersonCaptureField[];
}
