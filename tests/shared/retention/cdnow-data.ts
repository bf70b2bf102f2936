/**
 * The CDNOW reference data (shared/data/cdnow/, as distributed with the MIT-licensed lifetimes package),
 * read for the tests: the published values are facts from Fader, Hardie & Lee (2005) and note 025.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const cdnowDir = join(repoRoot, '..', 'shared', 'data', 'cdnow');

/** The text of one CDNOW file. */
export function readCdnow(name: 'CDNOW_master.txt' | 'CDNOW_sample.txt' | 'cdnow_customers_summary.csv'): string {
  return readFileSync(join(cdnowDir, name), 'utf8');
}

/** Fader, Hardie & Lee (2005), Marketing Science 24(2): BG/NBD on the 2,357-customer sample. */
export const PUBLISHED_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4 };
/** Fader & Hardie, "The Gamma-Gamma Model of Monetary Value": the 946 sample customers with x >= 1. */
export const PUBLISHED_GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44, customers: 946 };
