/**
 * Customers compiled for fast likelihood evaluation: identical (x, t_x, T) triples become one weighted
 * term, and the distinct values of x, t_x and T are listed once, so that a likelihood evaluation computes
 * each logarithm and log-gamma once per distinct value instead of once per customer.
 */
import type { CustomerSummary } from './model-inputs';

/** Distinct values and the weighted groups that index into them (parallel arrays). */
export interface CompiledCustomers {
  /** Number of customers (Σ weight). */
  total: number;
  xs: number[];
  ages: number[];
  recencies: number[];
  xIndex: Int32Array;
  ageIndex: Int32Array;
  recencyIndex: Int32Array;
  weight: Float64Array;
}

/** Groups `customers` with recency and T multiplied by `timeScale` (to fit in a unit of time near 1). */
export function compileCustomers(customers: readonly CustomerSummary[], timeScale: number): CompiledCustomers {
  const xs = new Distinct();
  const ages = new Distinct();
  const recencies = new Distinct();
  const groups = new Map<string, number>();
  const xIndex: number[] = [];
  const ageIndex: number[] = [];
  const recencyIndex: number[] = [];
  const weight: number[] = [];
  for (const { frequency, recency, T } of customers) {
    const i = xs.indexOf(frequency);
    const k = ages.indexOf(T * timeScale);
    const j = recencies.indexOf(recency * timeScale);
    const key = `${i},${j},${k}`;
    const group = groups.get(key);
    if (group !== undefined) {
      weight[group]!++;
      continue;
    }
    groups.set(key, weight.length);
    xIndex.push(i);
    ageIndex.push(k);
    recencyIndex.push(j);
    weight.push(1);
  }
  return {
    total: customers.length,
    xs: xs.values,
    ages: ages.values,
    recencies: recencies.values,
    xIndex: Int32Array.from(xIndex),
    ageIndex: Int32Array.from(ageIndex),
    recencyIndex: Int32Array.from(recencyIndex),
    weight: Float64Array.from(weight),
  };
}

class Distinct {
  readonly values: number[] = [];
  private readonly index = new Map<number, number>();

  indexOf(value: number): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    return i;
  }
}
