/**
 * The CRM's vocabulary (../shared/DOMAIN.md), written once. Sheets' drop-downs, the side panel's pickers
 * and the schemas all read these lists, so adding a stage or a reason is a one-line change here.
 */

/** The customer ladder [S1], lowest rung first; side states follow. */
export const LADDER_STAGES = [
  'suspect',
  'prospect',
  'first-time customer',
  'repeat customer',
  'client',
  'advocate',
  'partner',
] as const;
export const SIDE_STAGES = ['disqualified', 'lost'] as const;
export const STAGES = [...LADDER_STAGES, ...SIDE_STAGES] as const;
export type Stage = (typeof STAGES)[number];

export const DISQUALIFY_REASONS = ['low credit', 'unprofitable', 'no fit', 'other'] as const;
export const LOST_REASONS = ['price', 'product', 'service', 'competitor', 'no need', 'no contact', 'other'] as const;

/** Relationship levels [S3], least managed first. */
export const LEVELS = ['basic', 'reactive', 'accountable', 'proactive', 'partnership'] as const;
export type Level = (typeof LEVELS)[number];

/** Touchpoint types [S2]. */
export const INTERACTION_TYPES = [
  'email',
  'linkedin message',
  'linkedin visit',
  'call',
  'meeting',
  'purchase',
  'support',
  'website visit',
  'survey',
  'payment',
  'note',
] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const EXPERIENCES = ['good', 'neutral', 'bad'] as const;
export const VOICE_OF_CUSTOMER = ['suggestion', 'criticism', 'complaint', 'opinion', 'defect', 'feature request'] as const;
export const SALE_PHASES = ['pre', 'during', 'post'] as const;

/** Lead/acquisition source [S2], kept so channel effectiveness can be measured. */
export const ACQUISITION_SOURCES = [
  'website',
  'email',
  'seminar',
  'webinar',
  'conference',
  'trade show',
  'referral',
  'linkedin',
  'inbound content',
  'other',
] as const;

/** Where a captured field came from: provenance of each value [S8]. */
export const CAPTURE_SOURCES = ['linkedin', 'gmail', 'web', 'manual', 'sheet', 'import'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

export const DEAL_KINDS = ['order', 'opportunity'] as const;
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const RECURRENCES = ['none', 'daily', 'weekly', 'monthly'] as const;
export const REP_ROLES = ['rep', 'manager', 'admin'] as const;
