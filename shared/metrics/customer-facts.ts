import { assessActivity, type ActivityStatus } from '../ladder/activity';
import type { Stage } from '../model/vocabulary';
import type { Settings } from '../settings';
import { listImportantButDissatisfied } from '../value/attention';
import { discountedClv, periodDiscountRate } from '../value/clv';
import { assignQuadrants, type Quadrant } from '../value/quadrant';
import { classifyTier, quintileScores, tierThresholds, type ValueTier } from './rank-scores';
import { isPurchase, purchaseTime, type MetricsData } from './rows';

/**
 * One row of facts per customer (not tombstoned): what segments' rules test and what the Customer value sheet
 * shows. Each fact comes from a domain-core function (activity from the ladder, quadrant and CLV from value),
 * computed once per run for every customer.
 */

export interface Prediction {
  probabilityAlive: number;
  expectedPurchases: number;
  clv?: number;
}

export interface CustomerFacts {
  id: string;
  name: string;
  owner: string;
  stage: string;
  level?: string;
  source?: string;
  tags: string[];
  industry?: string;
  size?: string;
  territory?: string;
  createdAt: number;
  lastContactAt?: number;
  /** Whole days since the last contact; undefined when never contacted. */
  daysSinceContact?: number;
  activity: ActivityStatus;
  neverContacted: boolean;
  importance?: number;
  satisfaction?: number;
  importantButDissatisfied: boolean;
  shareOfWallet?: number;
  purchases: number;
  firstPurchaseAt?: number;
  lastPurchaseAt?: number;
  /** Whole days since the last purchase; undefined for customers who never bought. */
  daysSincePurchase?: number;
  revenue: number;
  margin: number;
  valueTier: ValueTier;
  quadrant?: Quadrant;
  /** RFM quintile scores (1..5) among buyers; undefined for customers who never bought. */
  recencyScore?: number;
  frequencyScore?: number;
  monetaryScore?: number;
  /** recency + frequency + monetary score, 3..15. */
  rfm?: number;
  /** Discounted CLV [S4]: monthly margin x survival from the team's monthly retention, discounted (shared/value). */
  clv: number;
  /** 1 - P(alive) from the Predictions step (BG/NBD); undefined until predictions exist. */
  churnRisk?: number;
  predictedClv?: number;
}

export interface FactsOptions {
  settings: Settings;
  now: number;
  /** The team's monthly retention rate, the survival assumption of the discounted CLV. */
  monthlyRetention: number;
  predictions?: ReadonlyMap<string, Prediction>;
}

const DAY = 86_400_000;
const MONTH = (365.25 / 12) * DAY;

/** Facts for every customer that is not tombstoned, in sheet order. */
export function computeCustomerFacts(data: MetricsData, options: FactsOptions): CustomerFacts[] {
  const { settings, now } = options;
  const organisations = new Map(data.organisations.filter((o) => !o.deleted).map((o) => [o.id, o]));
  const repTerritory = new Map(data.reps.map((r) => [r.email.toLowerCase(), r.territory]));
  const purchases = new Map<string, { count: number; first: number; last: number; revenue: number; costs: number; costed: boolean }>();
  for (const deal of data.deals) {
    if (!isPurchase(deal)) continue;
    const at = purchaseTime(deal);
    const p = purchases.get(deal.personId) ?? { count: 0, first: Infinity, last: -Infinity, revenue: 0, costs: 0, costed: true };
    p.count++;
    p.first = Math.min(p.first, at);
    p.last = Math.max(p.last, at);
    p.revenue += deal.value;
    p.costs += deal.costToServe ?? 0;
    p.costed &&= deal.costToServe !== undefined;
    purchases.set(deal.personId, p);
  }
  const customers = data.customers.filter((c) => !c.deleted);
  const attention = new Set(listImportantButDissatisfied(customers, settings.attention).map((e) => e.id));
  const buyers = customers.filter((c) => purchases.has(c.id));
  const history = (id: string) => purchases.get(id)!;
  const tiers = tierThresholds(buyers.map((c) => history(c.id).revenue));
  // Recency is scored on days since the last purchase, fewer being better: negate so higher is better.
  const recency = quintileScores(buyers.map((c) => -(now - history(c.id).last)));
  const frequency = quintileScores(buyers.map((c) => history(c.id).count));
  const monetary = quintileScores(buyers.map((c) => history(c.id).revenue));
  const rfm = new Map(buyers.map((c, i) => [c.id, [recency[i]!, frequency[i]!, monetary[i]!] as const]));
  // Net price and cost to serve per order, for buyers whose every order records its cost.
  const costed = buyers.filter((c) => history(c.id).costed);
  const quadrantResult = assignQuadrants(costed.map((c) => ({ id: c.id, netPrice: history(c.id).revenue / history(c.id).count, costToServe: history(c.id).costs / history(c.id).count })));
  const quadrants = new Map(quadrantResult.ok ? quadrantResult.value.quadrants.map((q) => [q.id, q.quadrant]) : []);
  const monthlyDiscount = periodDiscountRate(settings.discountRatePerYear, 12);
  const horizon = settings.clvHorizonYears * 12;

  return customers.map((c): CustomerFacts => {
    const organisation = c.organisationId ? organisations.get(c.organisationId) : undefined;
    const p = purchases.get(c.id);
    const scores = rfm.get(c.id);
    const margin = p ? p.revenue - p.costs : 0;
    const prediction = options.predictions?.get(c.id);
    const activity = assessActivity({ stage: c.stage as Stage, lastContactAt: toIso(c.lastContactAt), since: toIso(c.createdAt), now: toIso(now)! }, settings);
    return {
      id: c.id,
      name: c.fullName,
      owner: c.owner,
      stage: c.stage,
      level: c.level,
      source: c.source,
      tags: c.tags,
      industry: organisation?.industry,
      size: organisation?.sizeBand,
      territory: organisation?.territory ?? repTerritory.get(c.owner.toLowerCase()),
      createdAt: c.createdAt,
      lastContactAt: c.lastContactAt,
      daysSinceContact: c.lastContactAt === undefined ? undefined : Math.max(0, Math.floor((now - c.lastContactAt) / DAY)),
      activity: activity.status,
      neverContacted: c.lastContactAt === undefined,
      importance: c.importance,
      satisfaction: c.satisfaction,
      importantButDissatisfied: attention.has(c.id),
      shareOfWallet: c.shareOfWallet,
      purchases: p?.count ?? 0,
      firstPurchaseAt: p?.first,
      lastPurchaseAt: p?.last,
      daysSincePurchase: p ? Math.max(0, Math.floor((now - p.last) / DAY)) : undefined,
      revenue: p?.revenue ?? 0,
      margin,
      valueTier: classifyTier(p?.count ?? 0, p?.revenue ?? 0, tiers),
      quadrant: quadrants.get(c.id),
      recencyScore: scores?.[0],
      frequencyScore: scores?.[1],
      monetaryScore: scores?.[2],
      rfm: scores ? scores[0] + scores[1] + scores[2] : undefined,
      clv: p && monthlyDiscount.ok ? customerClv(margin / Math.max(1, (now - p.first) / MONTH), options.monthlyRetention, monthlyDiscount.value, horizon) : 0,
      churnRisk: prediction ? 1 - prediction.probabilityAlive : undefined,
      predictedClv: prediction?.clv,
    };
  });
}

function customerClv(monthlyMargin: number, retention: number, discountRate: number, horizon: number): number {
  const clv = discountedClv({ margins: monthlyMargin, retention: Math.min(1, Math.max(0, retention)), discountRate, horizon });
  return clv.ok ? clv.value : 0;
}

const toIso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
