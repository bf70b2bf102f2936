import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test, vi } from 'vitest';
import retention from '../../../cli/commands/retention';
import { UsageError } from '../../../cli/command';
import { simulateCustomers } from '../../../shared/retention';
import { cdnowDir, PUBLISHED_BG_NBD, PUBLISHED_GAMMA_GAMMA, repoRoot } from './cdnow-data';

/** Runs the command in-process and returns its exit code and what it printed. */
async function runCommand(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  const code = await retention.run(args);
  vi.restoreAllMocks();
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The number printed after `name = ` on the parameter lines. */
function printed(stdout: string, name: string): number {
  const match = new RegExp(`\\b${name} = (-?[\\d.]+)`).exec(stdout);
  if (!match) throw new Error(`no ${name} in:\n${stdout.slice(0, 500)}`);
  return Number(match[1]);
}

afterEach(() => vi.restoreAllMocks());

describe('clipsheet retention fit', () => {
  test('prints the published BG/NBD parameters for the CDNOW summary, and a row per customer', async () => {
    const { code, stdout } = await runCommand(['fit', join(cdnowDir, 'cdnow_customers_summary.csv'), '--horizon', '39']);
    expect(code).toBe(0);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(printed(stdout, name) - PUBLISHED_BG_NBD[name])).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(printed(stdout, 'log-likelihood') - PUBLISHED_BG_NBD.logLikelihood)).toBeLessThanOrEqual(0.05);
    // Customer 1 (x = 2, t_x = 30.43, T = 38.86): the paper's E[Y(39)] = 1.226.
    expect(stdout).toMatch(/^1\s+2\s+30\.43\s+38\.86\s+0\.\d{3}\s+1\.226$/m);
    expect(stdout.split('\n').filter((line) => /^\d+\s/.test(line))).toHaveLength(2357);
  });

  test('reduces CDNOW_sample.txt and prints both models; JSON carries the same numbers', async () => {
    const args = ['fit', join(cdnowDir, 'CDNOW_sample.txt'), '--id-col', '2', '--calibration-end', '1997-09-30', '--period', 'week'];
    const table = await runCommand(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Reduced 6919 transactions to 2357 customers (calibration end 1997-09-30, unit week)');
    for (const name of ['p', 'q', 'gamma'] as const) expect(Math.abs(printed(table.stdout, name) - PUBLISHED_GAMMA_GAMMA[name])).toBeLessThanOrEqual(0.005);

    const json = await runCommand([...args, '--json']);
    const result = JSON.parse(json.stdout);
    expect(result.gammaGamma.customers).toBe(946);
    expect(result.bgNbd.parameters.r).toBeCloseTo(PUBLISHED_BG_NBD.r, 3);
    expect(result.forecasts).toHaveLength(2357);
    expect(result.forecasts[0]).toMatchObject({ id: '0001', probabilityAlive: expect.any(Number), clv: expect.any(Number) });

    // The Gamma-Gamma independence check: Fader & Hardie report r = 0.11 for these 946 customers, and accept it.
    expect(printed(table.stdout, 'corr\\(frequency, spend\\)')).toBeCloseTo(0.11, 2);
    expect(table.stderr).not.toContain('warning');
    expect(result.gammaGamma.frequencySpendCorrelation).toBeCloseTo(0.11, 2);
    expect(result.gammaGamma.warning).toBeUndefined();
  });

  test('spend that grows with frequency: the independence check warns, in the table run and in --json', async () => {
    const truth = { r: 0.6, alpha: 5, a: 0.8, b: 2.5 };
    const customers = simulateCustomers(truth, Array.from({ length: 3000 }, (_, i) => 30 + (i % 20)), 13, { p: 6, q: 4, gamma: 15 });
    const dir = mkdtempSync(join(tmpdir(), 'retention-'));
    const file = join(dir, 'summary.csv');
    const rows = customers.map((c) => [c.id, c.frequency, c.recency, c.T, c.monetaryValue === undefined ? '' : c.monetaryValue * (1 + c.frequency)].join(','));
    writeFileSync(file, `id,frequency,recency,T,monetary_value\n${rows.join('\n')}\n`);
    const table = await runCommand(['fit', file]);
    expect(table.code).toBe(0);
    expect(printed(table.stdout, 'corr\\(frequency, spend\\)')).toBeGreaterThanOrEqual(0.3);
    expect(table.stderr).toMatch(/^warning: frequency and mean spend are correlated \(r = 0\.\d\d\); the Gamma-Gamma model assumes they are independent/m);
    const json = JSON.parse((await runCommand(['fit', file, '--json'])).stdout);
    expect(json.gammaGamma.frequencySpendCorrelation).toBeGreaterThanOrEqual(0.3);
    expect(json.gammaGamma.warning).toMatch(/independent/);
  });

  test('a malformed file exits 1 and names the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-'));
    const file = join(dir, 'log.csv');
    writeFileSync(file, 'id,date,value\na,2024-01-01,5\nb,2024-01-02,5\nc,2024-13-01,5\n');
    const { code, stderr } = await runCommand(['fit', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}: line 4: "2024-13-01" is not a calendar date`);
  });

  test('data that cannot identify the model exits 1 with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-'));
    const file = join(dir, 'summary.csv');
    writeFileSync(file, `id,frequency,recency,T\n${Array.from({ length: 30 }, (_, i) => `${i},0,0,10`).join('\n')}\n`);
    const { code, stderr } = await runCommand(['fit', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/at least 10 repeat buyers, found 0 \[not-identifiable\]/);
  });

  test.each([
    [['fit']],
    [['predict', 'x.csv']],
    [['fit', 'x.csv', '--period', 'year']],
    [['fit', 'x.csv', '--horizon', 'soon']],
    [['fit', 'x.csv', '--horizon', '-5']],
    [['fit', 'x.csv', '--discount-rate', '-2']],
    [['fit', 'x.csv', '--calibration-end', '1997-02-30']],
    [['fit', 'x.csv', '--unknown']],
  ])('usage error for %j', async (args) => {
    await expect(retention.run(args)).rejects.toBeInstanceOf(UsageError);
  });

  test('is registered in cli/main.ts and runs as `clipsheet retention`', async () => {
    const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, ['cli/main.ts', 'retention', 'fit', join(cdnowDir, 'cdnow_customers_summary.csv'), '--json'], { cwd: repoRoot, maxBuffer: 1 << 26 });
    expect(JSON.parse(stdout).bgNbd.parameters.a).toBeCloseTo(PUBLISHED_BG_NBD.a, 3);
  }, 30_000);
});
