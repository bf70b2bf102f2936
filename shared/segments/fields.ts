import type { CustomerFacts } from '../metrics/customer-facts';
import { VALUE_TIERS } from '../metrics/rank-scores';
import { ACQUISITION_SOURCES, LEVELS, STAGES } from '../model/vocabulary';
import { QUADRANTS } from '../value/quadrant';

/**
 * The words a segment rule may test [S7], each read from a customer's facts (shared/metrics). Rules name
 * fields the way a manager says them ("last contact", "value tier"); enum fields list their values so a typo
 * is caught when the rule is read, not silently never matched.
 */

export type FieldKind =
  /** One of `values`. */
  | 'enum'
  /** Free text (industry, territory, owner). */
  | 'text'
  /** A number; `%` divides by 100 for shares. */
  | 'number'
  /** Days since something; accepts `60 days`, `8 weeks`. */
  | 'days'
  /** A list of items (tags). */
  | 'list'
  /** True or false on its own: a rule may say just `never contacted`. */
  | 'flag';

export interface RuleField {
  name: string;
  aliases: readonly string[];
  kind: FieldKind;
  values?: readonly string[];
  read: (facts: CustomerFacts) => unknown;
  help: string;
}

const ACTIVITY = ['active', 'at-risk', 'inactive', 'not-tracked', 'unknown'] as const;

const field = (name: string, kind: FieldKind, read: RuleField['read'], help: string, extra: Partial<RuleField> = {}): RuleField => ({
  name, aliases: [], kind, read, help, ...extra,
});

/** Every field a rule may name. */
export const RULE_FIELDS: readonly RuleField[] = [
  field('stage', 'enum', (f) => f.stage, 'the ladder stage', { values: STAGES }),
  field('level', 'enum', (f) => f.level, 'the relationship level', { values: LEVELS }),
  field('value tier', 'enum', (f) => f.valueTier, 'top 20%, next 30% or bottom 50% of buyers by revenue', { values: VALUE_TIERS, aliases: ['tier'] }),
  field('quadrant', 'enum', (f) => f.quadrant, 'the profitability quadrant (price x cost to serve)', { values: QUADRANTS, aliases: ['profitability', 'profitability quadrant'] }),
  field('rfm', 'number', (f) => f.rfm, 'recency + frequency + monetary score, 3 to 15', { aliases: ['rfm score'] }),
  field('recency score', 'number', (f) => f.recencyScore, 'RFM recency quintile, 1 to 5'),
  field('frequency score', 'number', (f) => f.frequencyScore, 'RFM frequency quintile, 1 to 5'),
  field('monetary score', 'number', (f) => f.monetaryScore, 'RFM monetary quintile, 1 to 5'),
  field('churn risk', 'number', (f) => f.churnRisk, '1 - P(alive) from the Predictions step, 0 to 1 (or %)'),
  field('tags', 'list', (f) => f.tags, 'the Tags column', { aliases: ['tag'] }),
  field('industry', 'text', (f) => f.industry, "the organisation's industry"),
  field('size', 'text', (f) => f.size, "the organisation's size band"),
  field('territory', 'text', (f) => f.territory, "the organisation's territory, else the owner's"),
  field('owner', 'text', (f) => f.owner, "the owning rep's email"),
  field('source', 'enum', (f) => f.source, 'the acquisition source', { values: ACQUISITION_SOURCES }),
  field('last contact', 'days', (f) => f.daysSinceContact, 'days since the last contact', { aliases: ['days since contact', 'last contacted'] }),
  field('last purchase', 'days', (f) => f.daysSincePurchase, 'days since the last purchase'),
  field('activity', 'enum', (f) => f.activity, 'active, at-risk or inactive by the inactivity settings', { values: ACTIVITY }),
  field('purchases', 'number', (f) => f.purchases, 'won orders'),
  field('revenue', 'number', (f) => f.revenue, 'sum of won orders'),
  field('margin', 'number', (f) => f.margin, 'revenue - cost to serve'),
  field('clv', 'number', (f) => f.clv, 'discounted customer lifetime value'),
  field('importance', 'number', (f) => f.importance, '0 to 10'),
  field('satisfaction', 'number', (f) => f.satisfaction, '0 to 10'),
  field('share of wallet', 'number', (f) => f.shareOfWallet, 'the estimate entered, 0 to 1 (or %)'),
  field('never contacted', 'flag', (f) => f.neverContacted, 'no contact recorded'),
  field('important but dissatisfied', 'flag', (f) => f.importantButDissatisfied, 'importance and satisfaction thresholds from Settings', { aliases: ['important-but-dissatisfied'] }),
];

/** The field a phrase names (name or alias, any case), or undefined. */
export function findField(phrase: string): RuleField | undefined {
  const wanted = phrase.toLowerCase();
  return RULE_FIELDS.find((f) => f.name === wanted || f.aliases.includes(wanted));
}
