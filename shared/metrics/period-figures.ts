import { computeParetoShare } from '../value/pareto';
import type { CustomerFacts } from './customer-facts';
import { computeAcquisitionBalance, computeResponseTime, type AcquisitionBalance, type ResponseTime } from './kpis';
import type { Period } from './periods';
import { computeRetention, type Purchase, type RetentionFigure } from './retention';
import type { MetricsData } from './rows';

/**
 * The computed (not formula) figures of one period for the team or one rep: what the Dashboard data sheet
 * holds per period and rep, and the dashboard looks up by the selectors with INDEX/MATCH.
 */
export interface PeriodFigures {
  retention: RetentionFigure;
  response: ResponseTime;
  balance: AcquisitionBalance;
  /** Share of revenue from the top 20% of the rep's (or team's) buyers; undefined without revenue. */
  paretoShare?: number;
}

/** Figures for a period, for everyone (rep undefined) or one rep's customers and work. */
export function computePeriodFigures(data: MetricsData, purchases: readonly Purchase[], facts: readonly CustomerFacts[], period: Period, rep?: string): PeriodFigures {
  return figuresOf(data, purchases, period, viewOf(facts, rep));
}

/** The customers of one view (the team, or one rep's book) and their Pareto share, which no period changes. */
interface View {
  rep?: string;
  customers?: ReadonlySet<string>;
  paretoShare?: number;
}

function viewOf(facts: readonly CustomerFacts[], rep?: string): View {
  const mine = rep === undefined ? facts : facts.filter((f) => f.owner.toLowerCase() === rep.toLowerCase());
  const pareto = computeParetoShare(mine.filter((f) => f.purchases > 0).map((f) => f.revenue));
  return { rep, customers: rep === undefined ? undefined : new Set(mine.map((f) => f.id)), paretoShare: pareto.ok ? pareto.value.share : undefined };
}

function figuresOf(data: MetricsData, purchases: readonly Purchase[], period: Period, view: View): PeriodFigures {
  return {
    retention: computeRetention(purchases, period, { customers: view.customers }),
    response: computeResponseTime(data, period, view.rep),
    balance: computeAcquisitionBalance(data, period, view.rep),
    paretoShare: view.paretoShare,
  };
}

/** The figures of every period for the team and for each rep, keyed `label|rep` (rep `All reps` for the team). */
export function computeAllPeriodFigures(data: MetricsData, purchases: readonly Purchase[], facts: readonly CustomerFacts[], periods: readonly Period[], reps: readonly string[]): Map<string, PeriodFigures> {
  const team = viewOf(facts);
  const views = reps.map((rep) => viewOf(facts, rep));
  const figures = new Map<string, PeriodFigures>();
  for (const period of periods) {
    figures.set(figureKey(period.label), figuresOf(data, purchases, period, team));
    reps.forEach((rep, i) => figures.set(figureKey(period.label, rep), figuresOf(data, purchases, period, views[i]!)));
  }
  return figures;
}

/** What the rep selector shows for the whole team. */
export const ALL_REPS = 'All reps';
/** What the source selector shows for every source. */
export const ALL_SOURCES = 'All sources';

/** The key of a period's figures: the dashboard builds the same text from its selectors. */
export function figureKey(period: string, rep: string = ALL_REPS): string {
  return `${period}|${rep}`;
}
