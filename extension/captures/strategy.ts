import type { CapturedField } from '../../shared/capture/capture';
import { startExtraction } from './dom';
import type { Validator } from './validate';

/** What a strategy reads: the page, and its URL (already parsed). */
export interface Page {
  doc: Document;
  url: URL;
}

/** One way of finding one field, with how much its kind of evidence is trusted. */
export interface Strategy {
  name: string;
  confidence: number;
  read: (page: Page) => string | null | undefined;
}

/** A field's strategies, most stable first, and the check every value they find must pass. */
export interface FieldPlan {
  check: Validator;
  strategies: Strategy[];
}

/**
 * Runs each field's strategies in order and keeps the first value that passes the field's check. A strategy
 * that throws (odd markup) counts as finding nothing. Fields no strategy found are listed as missing.
 */
export function runPlans<F extends string>(page: Page, plans: Partial<Record<F, FieldPlan>>, all: readonly F[]) {
  const fields: Partial<Record<F, CapturedField>> = {};
  for (const field of all) {
    const plan = plans[field];
    const found = plan && firstValue(page, plan);
    if (found) fields[field] = found;
  }
  return { fields, missing: all.filter((field) => !fields[field]) };
}

function firstValue(page: Page, plan: FieldPlan): CapturedField | undefined {
  for (const strategy of plan.strategies) {
    let raw: string | null | undefined;
    try {
      raw = strategy.read(page);
    } catch {
      raw = undefined;
    }
    const value = raw ? plan.check(raw) : undefined;
    if (value) return { value, confidence: strategy.confidence, strategy: strategy.name };
  }
  return undefined;
}

/**
 * The page an extraction reads, with the document's cached reads forgotten and the selectors it reads across
 * the whole page found in one walk (see `startExtraction`). Parses a URL that may be relative or broken;
 * extractors take strings so that the CLI and tests can pass any.
 */
export function pageOf(doc: Document, url: string, acrossPage: readonly string[] = []): Page {
  startExtraction(doc, acrossPage);
  try {
    return { doc, url: new URL(url) };
  } catch {
    return { doc, url: new URL('about:blank') };
  }
}

/** Confidence by kind of evidence, so strategies across extractors agree on what "stable" means. */
export const TRUST = { structured: 0.95, url: 0.9, aria: 0.8, semantic: 0.75, meta: 0.7, classes: 0.5, text: 0.4 } as const;
