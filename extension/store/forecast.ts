import Dexie from 'dexie';
import { describePurchaseHistory, predictCustomers, rowsFromRecords, type Prediction, type PredictionReason, type PredictionRun } from '../../shared/metrics';
import type { ClipsheetDb } from './db';

/**
 * What the purchase models say of one customer: P(alive), expected purchases and predicted value over the
 * next 52 weeks, or why there is nothing to say (a typed reason the panel words in the rep's language). The
 * same step as the sheet's Predictions (shared/metrics), run on every purchase synced to this browser, so the
 * record and the sheet agree on the same data.
 */
export type Forecast =
  | { kind: 'predicted'; prediction: Prediction }
  | { kind: 'no-purchases' }
  | { kind: 'unavailable'; reason: PredictionReason | { code: 'failed' } };

/**
 * The fit of the purchase history as of a day. Fitting needs the whole team's purchases, but opening a record
 * needs only to know that they have not changed: `version` counts writes to the deals table (from this page,
 * the background's sync or another tab, all reported by Dexie's storagemutated event), so a record opened on
 * an unchanged history reads one count and no deals (80,000 at the 50k-customer scale).
 */
interface CachedFit {
  key: string;
  discountRatePerYear: number;
  run: PredictionRun;
}
const fits = new WeakMap<ClipsheetDb, CachedFit>();
const dealWrites = new Map<string, number>();

// One listener for every database: a mutated part names `idb://<database>/<table>/<index>`.
Dexie.on('storagemutated', (parts) => {
  for (const part of Object.keys(parts)) {
    const match = /^idb:\/\/(.+)\/deals\//.exec(part);
    if (match) dealWrites.set(match[1]!, (dealWrites.get(match[1]!) ?? 0) + 1);
  }
});

/** The forecast for one person, from the fit of the purchase history as of `now`. */
export async function forecastPerson(db: ClipsheetDb, personId: string, now: string, discountRatePerYear: number): Promise<Forecast> {
  const run = await fitPurchaseHistory(db, Date.parse(now), discountRatePerYear);
  const prediction = run.byCustomer.get(personId);
  if (prediction) return { kind: 'predicted', prediction };
  if (run.reason && run.reason.code !== 'no-purchases') return { kind: 'unavailable', reason: run.reason };
  return { kind: 'no-purchases' };
}

/** The models fitted on the purchases in `db` up to the day before `at`: from the cache while nothing changed. */
export async function fitPurchaseHistory(db: ClipsheetDb, at: number, discountRatePerYear: number): Promise<PredictionRun> {
  // The count guards writes a closed page missed; the day, because the calibration ends yesterday.
  const key = `${Math.floor(at / 86_400_000)}|${discountRatePerYear}|${dealWrites.get(db.name) ?? 0}|${await db.deals.count()}`;
  const cached = fits.get(db);
  if (cached?.key === key) return cached.run;
  const deals = (await db.deals.toArray()).filter((deal) => deal.kind === 'order' && deal.status === 'won');
  const data = { deals: rowsFromRecords({ people: [], deals, interactions: [], organisations: [], reps: [] }).deals };
  // A write that left the purchases as they were (a note on an open deal) keeps the fit.
  const unchanged = cached?.discountRatePerYear === discountRatePerYear && cached.run.fingerprint === describePurchaseHistory(data, at).fingerprint;
  const run = unchanged ? cached.run : predictCustomers(data, at, discountRatePerYear);
  fits.set(db, { key, discountRatePerYear, run });
  return run;
}
