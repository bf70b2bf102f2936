import { z } from 'zod';
import { defineEntity, field, isoDateTime } from './define-entity';
import {
  ACQUISITION_SOURCES,
  DEAL_KINDS,
  DEAL_STATUSES,
  DIRECTIONS,
  EXPERIENCES,
  INTERACTION_TYPES,
  LEVELS,
  RECURRENCES,
  REP_ROLES,
  SALE_PHASES,
  STAGES,
  TASK_STATUSES,
  VOICE_OF_CUSTOMER,
} from './vocabulary';

// Bounds keep a hostile page from writing megabytes into one cell (Sheets caps a cell at 50,000 characters).
const shortText = z.string().max(500);
const longText = z.string().max(20_000);
const url = z.string().max(2_000);
// A list is one cell, items separated by "; ", so an item may not hold the separator.
const listItem = z.string().max(500).regex(/^[^;\n]*$/, 'may not contain ";" or a line break (they separate items in the sheet)');
const list = z.array(listItem).max(100).default([]);

/** A person: a contact, lead or customer (the sheet calls them Customers). */
export const Person = defineEntity({
  name: 'person',
  sheet: 'Customers',
  fields: {
    fullName: field(shortText.min(1), { header: 'Full name', cell: 'text' }),
    givenName: field(shortText.optional(), { header: 'Given name', cell: 'text' }),
    familyName: field(shortText.optional(), { header: 'Family name', cell: 'text' }),
    headline: field(shortText.optional(), { header: 'Headline', cell: 'text' }),
    title: field(shortText.optional(), { header: 'Title', cell: 'text' }),
    company: field(shortText.optional(), { header: 'Company', cell: 'text' }),
    organisationId: field(z.string().max(64).optional(), { header: 'Organisation id', cell: 'text' }),
    emails: field(list, { header: 'Emails', cell: 'list' }),
    phones: field(list, { header: 'Phones', cell: 'list' }),
    linkedinUrl: field(url.optional(), { header: 'LinkedIn', cell: 'text' }),
    website: field(url.optional(), { header: 'Website', cell: 'text' }),
    location: field(shortText.optional(), { header: 'Location', cell: 'text' }),
    photoUrl: field(url.optional(), { header: 'Photo', cell: 'text' }),
    stage: field(z.enum(STAGES), { header: 'Stage', cell: 'text' }),
    stageReason: field(shortText.optional(), { header: 'Stage reason', cell: 'text' }),
    level: field(z.enum(LEVELS).optional(), { header: 'Level', cell: 'text' }),
    acquisitionSource: field(z.enum(ACQUISITION_SOURCES).optional(), { header: 'Source', cell: 'text' }),
    tags: field(list, { header: 'Tags', cell: 'list' }),
    segments: field(list, { header: 'Segments', cell: 'list', system: true, derived: true }),
    doNotContact: field(z.boolean().default(false), { header: 'Do not contact', cell: 'boolean' }),
    lastContactAt: field(isoDateTime.optional(), { header: 'Last contact', cell: 'datetime' }),
    nextFollowUpAt: field(isoDateTime.optional(), { header: 'Next follow-up', cell: 'datetime' }),
    importance: field(z.number().min(0).max(10).optional(), { header: 'Importance', cell: 'number' }),
    satisfaction: field(z.number().min(0).max(10).optional(), { header: 'Satisfaction', cell: 'number' }),
    shareOfWallet: field(z.number().min(0).max(1).optional(), { header: 'Share of wallet', cell: 'number' }),
    notes: field(longText.optional(), { header: 'Notes', cell: 'text' }),
  },
});
export type Person = z.infer<typeof Person.schema>;

/** An organisation; a person may belong to one, and it may be a customer on its own. */
export const Organisation = defineEntity({
  name: 'organisation',
  sheet: 'Organisations',
  fields: {
    name: field(shortText.min(1), { header: 'Name', cell: 'text', index: 'plain' }),
    domain: field(z.string().max(253).optional(), { header: 'Domain', cell: 'text', index: 'plain' }),
    website: field(url.optional(), { header: 'Website', cell: 'text' }),
    linkedinUrl: field(url.optional(), { header: 'LinkedIn', cell: 'text', index: 'plain' }),
    industry: field(shortText.optional(), { header: 'Industry', cell: 'text' }),
    sizeBand: field(shortText.optional(), { header: 'Size', cell: 'text' }),
    headquarters: field(shortText.optional(), { header: 'Headquarters', cell: 'text' }),
    territory: field(shortText.optional(), { header: 'Territory', cell: 'text' }),
    stage: field(z.enum(STAGES), { header: 'Stage', cell: 'text', index: 'plain' }),
    stageReason: field(shortText.optional(), { header: 'Stage reason', cell: 'text' }),
    level: field(z.enum(LEVELS).optional(), { header: 'Level', cell: 'text' }),
    tags: field(list, { header: 'Tags', cell: 'list', index: 'multi' }),
    notes: field(longText.optional(), { header: 'Notes', cell: 'text' }),
  },
});
export type Organisation = z.infer<typeof Organisation.schema>;

/** One touchpoint [S2]: an email, call, meeting, purchase, note... */
export const Interaction = defineEntity({
  name: 'interaction',
  sheet: 'Interactions',
  fields: {
    personIds: field(list, { header: 'Person ids', cell: 'list', index: 'multi' }),
    organisationId: field(z.string().max(64).optional(), { header: 'Organisation id', cell: 'text', index: 'plain' }),
    type: field(z.enum(INTERACTION_TYPES), { header: 'Type', cell: 'text' }),
    direction: field(z.enum(DIRECTIONS).optional(), { header: 'Direction', cell: 'text' }),
    at: field(isoDateTime, { header: 'At', cell: 'datetime', index: 'plain' }),
    subject: field(shortText.optional(), { header: 'Subject', cell: 'text' }),
    summary: field(longText.optional(), { header: 'Summary', cell: 'text' }),
    outcome: field(shortText.optional(), { header: 'Outcome', cell: 'text' }),
    experience: field(z.enum(EXPERIENCES).optional(), { header: 'Experience', cell: 'text' }),
    voiceOfCustomer: field(z.enum(VOICE_OF_CUSTOMER).optional(), { header: 'Voice of customer', cell: 'text' }),
    salePhase: field(z.enum(SALE_PHASES).optional(), { header: 'Sale phase', cell: 'text' }),
    /** The id the channel gave it (a Gmail message id): saving the same message twice adds nothing. */
    externalId: field(z.string().max(500).optional(), { header: 'External id', cell: 'text', index: 'plain' }),
  },
});
export type Interaction = z.infer<typeof Interaction.schema>;

/** An order (a purchase with value and cost to serve) or an opportunity. */
export const Deal = defineEntity({
  name: 'deal',
  sheet: 'Deals',
  fields: {
    personId: field(z.string().max(64).optional(), { header: 'Person id', cell: 'text', index: 'plain' }),
    organisationId: field(z.string().max(64).optional(), { header: 'Organisation id', cell: 'text', index: 'plain' }),
    kind: field(z.enum(DEAL_KINDS), { header: 'Kind', cell: 'text' }),
    status: field(z.enum(DEAL_STATUSES), { header: 'Status', cell: 'text' }),
    product: field(shortText.optional(), { header: 'Product', cell: 'text' }),
    value: field(z.number().finite(), { header: 'Value', cell: 'number' }),
    costToServe: field(z.number().finite().optional(), { header: 'Cost to serve', cell: 'number' }),
    currency: field(z.string().max(3).optional(), { header: 'Currency', cell: 'text' }),
    openedAt: field(isoDateTime, { header: 'Opened at', cell: 'datetime', index: 'plain' }),
    closedAt: field(isoDateTime.optional(), { header: 'Closed at', cell: 'datetime' }),
    reason: field(shortText.optional(), { header: 'Win/loss reason', cell: 'text' }),
    region: field(shortText.optional(), { header: 'Region', cell: 'text' }),
    competitor: field(shortText.optional(), { header: 'Competitor', cell: 'text' }),
  },
});
export type Deal = z.infer<typeof Deal.schema>;

/** A follow-up or reminder; relationship levels create some automatically [S3]. */
export const Task = defineEntity({
  name: 'task',
  sheet: 'Tasks',
  fields: {
    personId: field(z.string().max(64).optional(), { header: 'Person id', cell: 'text', index: 'plain' }),
    title: field(shortText.min(1), { header: 'Title', cell: 'text' }),
    dueAt: field(isoDateTime, { header: 'Due', cell: 'datetime', index: 'plain' }),
    recurrence: field(z.enum(RECURRENCES), { header: 'Recurrence', cell: 'text' }),
    status: field(z.enum(TASK_STATUSES), { header: 'Status', cell: 'text', index: 'plain' }),
    /** Set when a relationship level created the task, e.g. `post-sale check`. */
    automatic: field(shortText.optional(), { header: 'Automatic', cell: 'text' }),
  },
});
export type Task = z.infer<typeof Task.schema>;

/** A segment: a readable rule, a playbook and an owner, edited by the team in the sheet [S7]. */
export const Segment = defineEntity({
  name: 'segment',
  sheet: 'Segments',
  fields: {
    name: field(shortText.min(1), { header: 'Segment', cell: 'text' }),
    rule: field(longText, { header: 'Rule', cell: 'text' }),
    playbook: field(longText.optional(), { header: 'Playbook', cell: 'text' }),
    builtIn: field(z.boolean().default(false), { header: 'Built in', cell: 'boolean', system: true }),
  },
});
export type Segment = z.infer<typeof Segment.schema>;

/** A member of the team; their sync key lives in script properties, only its fingerprint here. */
export const Rep = defineEntity({
  name: 'rep',
  sheet: 'Team',
  fields: {
    name: field(shortText.min(1), { header: 'Name', cell: 'text' }),
    email: field(z.string().max(320), { header: 'Email', cell: 'text' }),
    role: field(z.enum(REP_ROLES), { header: 'Role', cell: 'text' }),
    territory: field(shortText.optional(), { header: 'Territory', cell: 'text' }),
    keyId: field(z.string().max(64).optional(), { header: 'Key id', cell: 'text', system: true }),
    active: field(z.boolean().default(true), { header: 'Active', cell: 'boolean' }),
  },
});
export type Rep = z.infer<typeof Rep.schema>;

/** Every entity that syncs, by name. */
export const ENTITIES = { person: Person, organisation: Organisation, interaction: Interaction, deal: Deal, task: Task, segment: Segment, rep: Rep };
export type EntityName = keyof typeof ENTITIES;
export type RecordOf = { person: Person; organisation: Organisation; interaction: Interaction; deal: Deal; task: Task; segment: Segment; rep: Rep };
