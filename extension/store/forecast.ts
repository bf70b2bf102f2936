import { describePurchaseHistory, predictCustomers, rowsFromRecords, type Prediction, type PredictionRun } from '../../shared/metrics';
import type { ClipsheetDb } from './db';

/**
 * What the purchase models say of one customer: P(alive), expected purchases and predicted value over the
 * next 52 weeks, or why there is nothing to say. The same step as the sheet's Predictions (shared/metrics),
 * run on every purchase synced to this browser, so the record and the sheet agree on the same data.
 */
export type Forecast = { kind: 'predicted'; prediction: Prediction } | { kind: 'no-purchases' } | { kind: 'unavailable'; reason: string };

// Fitting reads the whole team's purchase history; it is done once per history (the fingerprint changes with a
// new purchase or a new day), not once per record opened.
const fits = new WeakMap<ClipsheetDb, { fingerprint: string; run: PredictionRun }>();

/** The forecast for one person, from the fit of the purchase history as of `now`. */
export async function forecastPerson(db: ClipsheetDb, personId: string, now: string, discountRatePerYear: number): Promise<Forecast> {
  const at = Date.parse(now);
  const deals = (await db.deals.toArray()).filter((deal) => deal.kind === 'order' && deal.status === 'won');
  const data = { deals: rowsFromRecords({ people: [], deals, interactions: [], organisations: [], reps: [] }).deals };
  const { fingerprint } = describePurchaseHistory(data, at);
  let fit = fits.get(db);
  if (fit?.fingerprint !== fingerprint) {
    fit = { fingerprint, run: predictCustomers(data, at, discountRatePerYear) };
    fits.set(db, fit);
  }
  const prediction = fit.run.byCustomer.get(personId);
  if (prediction) return { kind: 'predicted', prediction };
  if (!fit.run.bgNbd) return { kind: 'unavailable', reason: fit.run.note ?? 'no model' };
  return { kind: 'no-purchases' };
}
