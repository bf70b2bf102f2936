import { beforeAll, describe, expect, test } from 'vitest';
import {
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  parseCalendarDay,
  readSummaries,
  readTransactions,
  summariseTransactions,
  type CustomerSummary,
} from '../../../shared/retention';
import { PUBLISHED_BG_NBD, PUBLISHED_GAMMA_GAMMA, readCdnow } from './cdnow-data';

/** |value - published| within half a unit of the published value's last decimal. */
function expectPublished(value: number, published: number, decimals: number) {
  expect(Math.abs(value - published)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

const calibrationEnd = parseCalendarDay('1997-09-30')!;
let summaryFile: CustomerSummary[];
let sample: CustomerSummary[];

beforeAll(() => {
  summaryFile = readSummaries(readCdnow('cdnow_customers_summary.csv'));
  // CDNOW_sample.txt: customer_id sample_id date number_of_cds dollar_value; the summary file's ID is the sample id.
  const log = readTransactions(readCdnow('CDNOW_sample.txt'), { id: 2 });
  sample = summariseTransactions(log.transactions, { period: 'week', calibrationEnd });
});

describe('BG/NBD reproduces Fader, Hardie & Lee (2005) on the 2,357-customer summary', () => {
  test('parameters and log-likelihood to the published precision', () => {
    const fit = fitBgNbd(summaryFile);
    expect(fit.customers).toBe(2357);
    expectPublished(fit.parameters.r, PUBLISHED_BG_NBD.r, 3);
    expectPublished(fit.parameters.alpha, PUBLISHED_BG_NBD.alpha, 3);
    expectPublished(fit.parameters.a, PUBLISHED_BG_NBD.a, 3);
    expectPublished(fit.parameters.b, PUBLISHED_BG_NBD.b, 3);
    expectPublished(fit.logLikelihood, PUBLISHED_BG_NBD.logLikelihood, 1);
  });

  test('the paper\'s worked example: E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226', () => {
    expectPublished(expectedPurchases(PUBLISHED_BG_NBD, 2, 30.43, 38.86, 39), 1.226, 3);
  });

  test('the fit from our own reduction of CDNOW_sample.txt gives the same parameters', () => {
    const fit = fitBgNbd(sample);
    expectPublished(fit.parameters.r, PUBLISHED_BG_NBD.r, 3);
    expectPublished(fit.parameters.alpha, PUBLISHED_BG_NBD.alpha, 3);
    expectPublished(fit.parameters.a, PUBLISHED_BG_NBD.a, 3);
    expectPublished(fit.parameters.b, PUBLISHED_BG_NBD.b, 3);
  });
});

describe('the reduction of CDNOW_sample.txt matches cdnow_customers_summary.csv', () => {
  test('same customers in the same order, same frequency, recency and T (to the file\'s two decimals)', () => {
    expect(sample.map((c) => Number(c.id))).toEqual(summaryFile.map((c) => Number(c.id)));
    expect(sample.map((c) => c.frequency)).toEqual(summaryFile.map((c) => c.frequency));
    for (const [i, c] of sample.entries()) {
      expect(Math.abs(c.recency - summaryFile[i]!.recency)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(c.T - summaryFile[i]!.T)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  test('the data exercises the same-day rule: counting lines instead of days would not match', () => {
    const lines = readTransactions(readCdnow('CDNOW_sample.txt'), { id: 2 }).transactions.filter((t) => t.day <= calibrationEnd);
    const perCustomer = new Map<string, number>();
    for (const t of lines) perCustomer.set(t.customerId, (perCustomer.get(t.customerId) ?? 0) + 1);
    const differing = sample.filter((c) => perCustomer.get(c.id)! - 1 !== c.frequency);
    expect(differing.length).toBeGreaterThan(0);
  });

  test('946 customers have a repeat purchase in the calibration period', () => {
    expect(sample.filter((c) => c.frequency > 0)).toHaveLength(PUBLISHED_GAMMA_GAMMA.customers);
  });
});

describe('Gamma-Gamma reproduces Fader & Hardie on the 946 repeat buyers', () => {
  test('p, q, gamma from the mean value of repeat days (same-day purchases summed, first purchase excluded)', () => {
    const fit = fitGammaGamma(sample);
    expect(fit.customers).toBe(PUBLISHED_GAMMA_GAMMA.customers);
    expectPublished(fit.parameters.p, PUBLISHED_GAMMA_GAMMA.p, 2);
    expectPublished(fit.parameters.q, PUBLISHED_GAMMA_GAMMA.q, 2);
    expectPublished(fit.parameters.gamma, PUBLISHED_GAMMA_GAMMA.gamma, 2);
    // Fader & Hardie report a correlation of 0.11 between frequency and mean spend: small, no warning.
    expect(fit.frequencySpendCorrelation).toBeCloseTo(0.11, 2);
    expect(fit.warning).toBeUndefined();
  });

  test('including the first purchase in m_x does not reproduce the published values', () => {
    const log = readTransactions(readCdnow('CDNOW_sample.txt'), { id: 2 }).transactions.filter((t) => t.day <= calibrationEnd);
    const spend = new Map<string, number>();
    for (const t of log) spend.set(t.customerId, (spend.get(t.customerId) ?? 0) + t.value);
    const withFirst = sample.map((c) => (c.frequency > 0 ? { ...c, monetaryValue: spend.get(c.id)! / (c.frequency + 1) } : c));
    const fit = fitGammaGamma(withFirst);
    expect(Math.abs(fit.parameters.p - PUBLISHED_GAMMA_GAMMA.p)).toBeGreaterThan(0.005);
  });
});

describe('the full cohort, CDNOW_master.txt', () => {
  test('69,659 transactions reduce to 23,570 customers', () => {
    const log = readTransactions(readCdnow('CDNOW_master.txt'));
    expect(log.header).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(log.columns).toEqual({ id: 0, date: 1, value: 3 });
    expect(log.transactions).toHaveLength(69_659);
    expect(summariseTransactions(log.transactions, { period: 'week', calibrationEnd })).toHaveLength(23_570);
  });
});
