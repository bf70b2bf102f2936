import { z } from 'zod';

/**
 * Team settings: every threshold the domain rules use lives here, never as a constant in code, so a team
 * tunes its ladder, levels and value maths in one place (the sheet's Settings tab, the side panel).
 * Numbers are strict: a cell that arrives as the text "60" is rejected with a message rather than guessed at;
 * the row codec (shared/model/cells.ts) turns numeric cells into numbers before they get here.
 */

const days = (max: number) => z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(max, `must be at most ${max} days`);
const fraction = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
// Unicode letters are allowed so that Persian internationalised domains can be listed as typed.
const DOMAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(DOMAIN, 'must be a bare domain such as example.com (no @, scheme or path)');

/** Where the [S3] grid's rows and columns split: customer count gives many/medium/few, margin rate gives high/medium/low. */
const levelThresholds = z
  .object({
    /** Customers in the segment at or above this count are "many". */
    manyCustomersAtLeast: z.number().int().min(1).default(1000),
    /** Customers in the segment at or below this count are "few"; between the two is "medium". */
    fewCustomersAtMost: z.number().int().min(0).default(50),
    /** Margin rate ((revenue - cost) / revenue) at or above this is "high". */
    highMarginAtLeast: fraction.default(0.4),
    /** Margin rate below this is "low"; between the two is "medium". */
    lowMarginBelow: fraction.default(0.15),
  })
  .refine((t) => t.fewCustomersAtMost < t.manyCustomersAtLeast, {
    message: 'fewCustomersAtMost must be less than manyCustomersAtLeast',
    path: ['fewCustomersAtMost'],
  })
  .refine((t) => t.lowMarginBelow <= t.highMarginAtLeast, {
    message: 'lowMarginBelow must not exceed highMarginAtLeast',
    path: ['lowMarginBelow'],
  });

/** The team settings schema, with a default for every field. */
export const SettingsSchema = z
  .object({
    /** No interaction for this many days makes a contact at-risk [S1]. */
    atRiskAfterDays: days(3650).default(60),
    /** No interaction for this many days makes a contact inactive, and 'lost' with reason 'no contact' is suggested [S1]. */
    inactiveAfterDays: days(3650).default(180),
    /** Yearly discount rate for CLV [S4], e.g. 0.1 for 10%. */
    discountRatePerYear: z.number().min(0, 'must not be negative').max(1, 'must be at most 1 (100% a year)').default(0.1),
    /** CLV horizon in years [S4]. */
    clvHorizonYears: z.number().int().min(1).max(50).default(5),
    levelThresholds: levelThresholds.prefault({}),
    /** Accountable level and above: the post-sale check call is due this many days after each sale [S3]. */
    postSaleCheckDays: days(365).default(3),
    /** Proactive level: a periodic touch this many days after the last contact [S3]. */
    proactiveTouchDays: days(365).default(30),
    /** Partnership level: continuous work, a touch this many days after the last contact [S3]. */
    partnershipTouchDays: days(365).default(7),
    /** Over-contact limit [S3]: at most maxTouches open tasks per contact due within the next periodDays. */
    overContact: z
      .object({ maxTouches: z.number().int().min(1).max(100).default(4), periodDays: days(365).default(30) })
      .prefault({}),
    /** Importance x satisfaction [S4], both on the 0..10 scale of Person. */
    attention: z
      .object({ importanceAtLeast: z.number().min(0).max(10).default(7), satisfactionBelow: z.number().min(0).max(10).default(5) })
      .prefault({}),
    /** Email domains never logged: the team's own and personal ones it chooses [S8]. */
    neverLogDomains: z.array(domain).max(500).default([]),
  })
  .refine((s) => s.atRiskAfterDays < s.inactiveAfterDays, {
    message: 'atRiskAfterDays must be less than inactiveAfterDays',
    path: ['atRiskAfterDays'],
  });

export type Settings = z.infer<typeof SettingsSchema>;

/** One problem with a settings value: where it is and what is wrong, in words a team admin can act on. */
export interface SettingsIssue {
  path: string;
  message: string;
}

export type ParseSettingsResult =
  | { ok: true; settings: Settings; /** Keys not in the schema, ignored (a newer version's setting, or a typo). */ unknownKeys: string[] }
  | { ok: false; issues: SettingsIssue[] };

/** The default settings, as parsing an empty object gives them. */
export const DEFAULT_SETTINGS: Settings = deepFreeze(SettingsSchema.parse({}));

/** Validates partial settings and fills every missing field with its default. */
export function parseSettings(partial: unknown): ParseSettingsResult {
  const input = partial === undefined || partial === null ? {} : partial;
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(settings)',
        message: describeIssue(issue, input),
      })),
    };
  }
  return { ok: true, settings: parsed.data, unknownKeys: findUnknownKeys(input, parsed.data) };
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const got = valueAt(input, issue.path);
  if (got === undefined) return issue.message;
  const shown = typeof got === 'string' ? JSON.stringify(got) : Array.isArray(got) ? 'a list' : typeof got === 'object' && got !== null ? 'an object' : String(got);
  return `${issue.message} (got ${shown})`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

// Unknown keys are reported, not rejected: settings sync between add-on versions, and an older client must still
// read a newer team's settings.
function findUnknownKeys(input: unknown, known: unknown, prefix = ''): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const knownObject = known as Record<string, unknown>;
  return Object.keys(input).flatMap((key) => {
    if (!(key in knownObject)) return [prefix + key];
    const child = knownObject[key];
    return typeof child === 'object' && child !== null && !Array.isArray(child)
      ? findUnknownKeys((input as Record<string, unknown>)[key], child, `${prefix}${key}.`)
      : [];
  });
}

// Frozen because it is every function's default argument: one caller mutating it would change everyone's thresholds.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
