import { computeCustomerFacts, computeMonthlyRetention, listPeriods, listPurchases, predictCustomers, rowsFromRecords, type CustomerFacts, type MetricsData } from '../../shared/metrics';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { assignSegments, BUILT_IN_SEGMENTS, type SegmentAssignment } from '../../shared/segments';
import { generateTeamData, type TeamData } from './generate-team-data';

export interface TeamFixture {
  team: TeamData;
  data: MetricsData;
  now: number;
  facts: CustomerFacts[];
  segments: SegmentAssignment;
}

/** The domain core's view of a generated team, from its records (never from a sheet): what sheets must agree with. */
export function computeTeamFixture(team: TeamData): TeamFixture {
  const data = rowsFromRecords(team);
  const now = Date.parse(team.now);
  const purchases = listPurchases(data);
  const predictions = predictCustomers(data, now, DEFAULT_SETTINGS.discountRatePerYear);
  const facts = computeCustomerFacts(data, { settings: DEFAULT_SETTINGS, now, monthlyRetention: computeMonthlyRetention(purchases, listPeriods(now)), predictions: predictions.byCustomer });
  return { team, data, now, facts, segments: assignSegments(BUILT_IN_SEGMENTS, facts) };
}

let cached: TeamFixture | undefined;
/** The 5,000-customer team and its domain view, built once per test file. */
export function teamFixture(): TeamFixture {
  return (cached ??= computeTeamFixture(generateTeamData()));
}
