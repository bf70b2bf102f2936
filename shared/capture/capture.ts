import type { CaptureSource, Interaction } from '../model';

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

export const ORGANISATION_CAPTURE_FIELDS = ['name', 'website', 'linkedinUrl', 'industry', 'sizeBand', 'headquarters', 'logoUrl', 'email', 'phone'] as const;
export type OrganisationCaptureField = (typeof ORGANISATION_CAPTURE_FIELDS)[number];

/** An organisation: a LinkedIn company page, or schema.org Organization data on any page. */
export interface OrganisationCapture {
  kind: 'organisation';
  source: CaptureSource;
  url: string;
  fields: Partial<Record<OrganisationCaptureField, CapturedField>>;
  missing: OrganisationCaptureField[];
}

/** One address as a mail client shows it: the display name is optional, the address is validated. */
export interface EmailAddress {
  email: string;
  name?: string;
}

/** One message of a thread, as far as the page rendered it. */
export interface EmailMessageCapture {
  /** The mail client's id for the message; an Interaction's `externalId`. */
  messageId: string;
  from?: EmailAddress;
  /** To and Cc together; Gmail shows Bcc only to the sender, who is the rep. */
  recipients: EmailAddress[];
  /** ISO date-time with offset, when the page showed a date we could read. */
  at?: string;
  snippet?: string;
  /** Which strategy found the message's parts, e.g. `attr:email`, `class:gD`. */
  strategy: string;
}

export const EMAIL_THREAD_FIELDS = ['subject', 'threadId', 'account'] as const;
export type EmailThreadField = (typeof EMAIL_THREAD_FIELDS)[number];

/** A mail thread: subject, ids, and each rendered message with its participants. */
export interface EmailThreadCapture {
  kind: 'email-thread';
  source: CaptureSource;
  url: string;
  /** `account` is the signed-in address the page shows: the rep's own, for direction. */
  fields: Partial<Record<EmailThreadField, CapturedField>>;
  messages: EmailMessageCapture[];
  missing: EmailThreadField[];
}

/** Several records from one page: a search result list, a team page, a text selection. */
export interface PageCapture {
  kind: 'page';
  source: CaptureSource;
  url: string;
  people: PersonCapture[];
  organisations: OrganisationCapture[];
}

/** Anything an extractor returns. */
export type Capture = PersonCapture | OrganisationCapture | EmailThreadCapture | PageCapture;

/** The direction of a message relative to the rep, in the model's words. */
export type MessageDirection = NonNullable<Interaction['direction']>;
