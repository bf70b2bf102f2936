import {
  ALL_REPS, ALL_SOURCES, computeAllPeriodFigures, computeCohorts, computeCustomerFacts, computeMonthlyRetention, computeRetention, computeTerritoryCoverage,
  defaultPeriodLabel, listPeriods, listPurchases, listTopProducts, rollUpInteractions, type CustomerFacts, type MetricsData, type Period, type Purchase, type RangeOf, type TableName,
} from '../shared/metrics';
import { ACQUISITION_SOURCES } from '../shared/model';
import { assignSegments, type SegmentAssignment } from '../shared/segments';
import { openArchive, readArchiveState, shareAsTeamSheet } from './archive';
import { readRollup, ROLLUP_COLUMNS, ROLLUP_SHEET, writeRollup } from './archived-interactions';
import type { RecomputeResult } from './dashboard-result';
import { buildDataSheet, DATA_SHEET, type DataRefs } from './dashboard-data';
import { FACT_COLUMNS, FACTS_SHEET, writeFactsSheet } from './dashboard-facts';
import { a1, column, type ManifestEntry } from './dashboard-grid';
import { layoutDashboard, type DashboardInput, type RetentionLine } from './dashboard-layout';
import { readArchivedInteractions, readTeamSheets, type TeamSheets } from './dashboard-read';
import { sheetNamed, writeDashboard, writeGrid } from './dashboard-writer';
import { DASHBOARD_SHEET } from './layout';
import { describePredictionRun, runPredictions, writePredictionsSheet } from './predictions';
import { ensureBuiltInSegments, writeSegmentsColumn } from './segments';
import { readSettings } from './settings-sheet';

/**
 * Recomputes segments and every dashboard [S4]-[S7] in one execution: each sheet read once, the domain
 * core computes facts, predictions, segments and the figures that cannot be formulas, and each sheet is
 * written once. The number of service calls does not grow with the data (bench/dashboard.bench.ts).
 */

/** Scoped dashboards (one per rep) are listed in this script property, as a JSON list of emails. */
export const SCOPED_DASHBOARDS = 'clipsheet.dashboards';
const LABELS_PER_TABLE = 8;

export type { RecomputeResult } from './dashboard-result';

/** Everything derived from the team's data, recomputed now; `quality` lines go on the dashboard as given. */
export function recomputeSegmentsAndDashboard(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: string,
  quality?: DashboardInput['quality'],
  /** The Customers sheet's cells (header row first), when this execution has read them already. */
  customers?: readonly (readonly unknown[])[],
): RecomputeResult {
  const nowMs = Date.parse(now);
  const computedAt = new Date(nowMs);
  const { settings } = readSettings(spreadsheet);
  const team = readTeamSheets(spreadsheet, customers);
  const rollupHeight = includeArchive(spreadsheet, team);
  const { data } = team;
  const segmentRows = ensureBuiltInSegments(spreadsheet, data.segments);
  const purchases = listPurchases(data);
  const periods = listPeriods(nowMs);
  const predictions = runPredictions(spreadsheet, data, nowMs, settings.discountRatePerYear);
  const facts = computeCustomerFacts(data, { settings, now: nowMs, monthlyRetention: computeMonthlyRetention(purchases, periods), predictions: predictions.byCustomer });
  const assignment = assignSegments(segmentRows, facts);
  writeSegmentsColumn(spreadsheet, assignment);
  writeFactsSheet(spreadsheet, facts, assignment.byCustomer);
  if (!predictions.fromSheet) writePredictionsSheet(spreadsheet, predictions, facts, computedAt);

  const reps = data.reps.filter((r) => r.active && r.email);
  const figures = computeAllPeriodFigures(data, purchases, facts, periods, reps.map((r) => r.email));
  const coverage = new Map(periods.map((p) => [p.label, computeTerritoryCoverage(data, p)]));
  const dataSheet = buildDataSheet({ computedAt, periods, figures, coverage });
  writeGrid(sheetNamed(spreadsheet, DATA_SHEET), dataSheet.grid);

  const rangeOf = rangesOf(team, facts.length, rollupHeight);
  const scoped = readScopedDashboards();
  const dashboards: Record<string, ManifestEntry[]> = {};
  for (const rep of [undefined, ...scoped]) {
    const name = rep === undefined ? DASHBOARD_SHEET : `Dashboard · ${reps.find((r) => r.email === rep)?.name || rep}`;
    const sheet = sheetNamed(spreadsheet, name);
    const input = dashboardInput({ data, facts, purchases, periods, assignment, segmentRows, refs: dataSheet.refs, computedAt, quality, rep, selection: readSelection(sheet) });
    const layout = layoutDashboard(input, rangeOf);
    writeDashboard(sheet, layout);
    dashboards[name] = layout.grid.manifest;
  }
  return { at: now, customers: facts.length, segments: assignment.results, predictions: describePredictionRun(predictions), dashboards };
}

/**
 * Adds the archive's interactions to the data (the domain core's figures pair them with the rest) and brings
 * the rollup the live formulas count them by up to date, rewriting it only when it changed. The rollup
 * sheet exists without an archive too, empty: the formulas name it. Returns its grid's height.
 */
function includeArchive(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, team: TeamSheets): number {
  const state = readArchiveState();
  const archive = state && openArchive(state);
  if (archive) {
    try {
      shareAsTeamSheet(spreadsheet, archive);
    } catch {
      // The archive's owner may forbid its editors to share it: people it misses are told so by the sidebar.
    }
  }
  const archived = archive ? readArchivedInteractions(archive) : [];
  team.data.interactions = team.data.interactions.concat(archived); // not push(...): 300,000 arguments overflow the stack
  const rollup = rollUpInteractions(archived);
  const sheet = spreadsheet.getSheetByName(ROLLUP_SHEET);
  if (sheet && JSON.stringify(readRollup(spreadsheet)) === JSON.stringify(rollup)) return sheet.getMaxRows();
  return writeRollup(spreadsheet, rollup);
}

/** The scoped dashboards a manager asked for (rep emails). */
export function readScopedDashboards(): string[] {
  const saved = PropertiesService.getScriptProperties().getProperty(SCOPED_DASHBOARDS);
  try {
    const list: unknown = saved ? JSON.parse(saved) : [];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds a rep's dashboard to the list rebuilt on each recompute. */
export function addScopedDashboard(email: string): string[] {
  const list = [...new Set([...readScopedDashboards(), email.trim().toLowerCase()])].filter(Boolean);
  PropertiesService.getScriptProperties().setProperty(SCOPED_DASHBOARDS, JSON.stringify(list));
  return list;
}

// The selectors a manager left set survive the rebuild (B3 period, E3 rep, H3 source).
function readSelection(sheet: GoogleAppsScript.Spreadsheet.Sheet): { period?: string; rep?: string; source?: string } {
  if (sheet.getLastRow() < 3) return {};
  const [line] = sheet.getRange('B3:H3').getValues();
  return { period: String(line![0] ?? ''), rep: String(line![3] ?? ''), source: String(line![6] ?? '') };
}

interface InputParts {
  data: MetricsData;
  facts: readonly CustomerFacts[];
  purchases: readonly Purchase[];
  periods: readonly Period[];
  assignment: SegmentAssignment;
  segmentRows: ReadonlyArray<{ name: string; owner: string; playbook?: string }>;
  refs: DataRefs;
  computedAt: Date;
  quality?: DashboardInput['quality'];
  rep?: string;
  selection: { period?: string; rep?: string; source?: string };
}

function dashboardInput(parts: InputParts): DashboardInput {
  const { data, facts, periods, assignment, rep } = parts;
  const reps = data.reps.filter((r) => r.active && r.email);
  const mine = rep === undefined ? undefined : new Set(facts.filter((f) => f.owner.toLowerCase() === rep).map((f) => f.id));
  const purchases = mine ? parts.purchases.filter((p) => mine.has(p.personId)) : parts.purchases;
  const products = listTopProducts(purchases, 5);
  const lastMonth = periods.filter((p) => p.kind === 'month')[1]!;
  const line = (period: Period): RetentionLine => ({
    label: period.label,
    all: computeRetention(purchases, period),
    byProduct: products.map((product) => computeRetention(purchases, period, { product })),
  });
  const members = (name: string) => new Set([...assignment.byCustomer].filter(([, names]) => names.includes(name)).map(([id]) => id));
  const pick = (value: string | undefined, allowed: readonly string[], fallback: string) => (value && allowed.includes(value) ? value : fallback);
  return {
    title: rep === undefined ? 'Clipsheet dashboard' : `Clipsheet dashboard: ${rep}`,
    computedAt: parts.computedAt,
    periods,
    selection: {
      period: pick(parts.selection.period, periods.map((p) => p.label), defaultPeriodLabel(parts.computedAt.getTime())),
      rep: rep ?? pick(parts.selection.rep, reps.map((r) => r.email), ALL_REPS),
      source: pick(parts.selection.source, ACQUISITION_SOURCES, ALL_SOURCES),
    },
    fixedRep: rep,
    reps,
    sources: ACQUISITION_SOURCES,
    labels: {
      lossReasons: topValues(data, 'lost', 'reason'),
      winReasons: topValues(data, 'won', 'reason'),
      regions: topValues(data, undefined, 'region'),
      products: topValues(data, undefined, 'product'),
    },
    segments: assignment.results.map((result, i) => ({
      name: result.name,
      owner: parts.segmentRows[i]?.owner ?? '',
      playbook: parts.segmentRows[i]?.playbook,
      error: result.error,
      retention: computeRetention(purchases, lastMonth, { customers: members(result.name) }),
    })).filter((s) => s.name !== ''),
    products,
    retentionMonths: periods.filter((p) => p.kind === 'month').slice(1, 13).map(line),
    retentionQuarters: periods.filter((p) => p.kind === 'quarter').slice(1, 9).map(line),
    cohorts: computeCohorts(purchases, parts.computedAt.getTime()),
    territories: [...new Set(data.organisations.filter((o) => !o.deleted && o.territory).map((o) => o.territory!))].sort(),
    quality: parts.quality,
    refs: parts.refs,
  };
}

/** The most frequent values of a field among closed deals (of a status), most frequent first. */
function topValues(data: MetricsData, status: 'won' | 'lost' | undefined, field: 'reason' | 'region' | 'product'): string[] {
  const counts = new Map<string, number>();
  for (const deal of data.deals) {
    const value = deal[field];
    if (deal.deleted || !value || deal.closedAt === undefined || (status ? deal.status !== status : deal.status === 'open')) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, LABELS_PER_TABLE).map(([value]) => value);
}

/** Where each field of each table is: absolute ranges from row 2 to the sheet's grid height. */
function rangesOf(team: TeamSheets, facts: number, rollupHeight: number): RangeOf {
  const sheets = { Customers: team.shapes.person, Deals: team.shapes.deal, Interactions: team.shapes.interaction };
  const written = {
    'Customer value': { sheet: FACTS_SHEET, columns: FACT_COLUMNS, rows: facts },
    // The rollup's ranges reach its grid's end: rows the archiving inserts inside them are counted at once.
    'Archived interactions': { sheet: ROLLUP_SHEET, columns: ROLLUP_COLUMNS, rows: rollupHeight - 1 },
  };
  return (table: TableName, field: string) => {
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    if (table === 'Customer value' || table === 'Archived interactions') {
      const { sheet, columns, rows } = written[table];
      const at = columns.findIndex(([key]) => key === field);
      if (at < 0) throw new Error(`${sheet} has no column for ${field}`);
      return `${quoted(sheet)}!${a1(2, at + 1, true)}:${a1(Math.max(2, rows + 1), at + 1, true)}`;
    }
    const shape = sheets[table];
    const at = shape.columnOf.get(field);
    if (at === undefined) throw new Error(`The ${shape.sheet} sheet has no column for ${field}: run Clipsheet > Set up spreadsheet`);
    return `${quoted(shape.sheet)}!$${column(at + 1)}$2:$${column(at + 1)}$${Math.max(2, shape.maxRows)}`;
  };
}
