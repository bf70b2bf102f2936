/**
 * The rep's workspace at scale (issue 5), in real Chromium with the built extension and its real IndexedDB,
 * driven through the side panel's own UI with the browser rig's Chromium launch (emulator/chromium.ts):
 * - bulk import of 100,000 contacts from a CSV (target < 20 s), from the click on Import to the report;
 * - search-as-you-type over those 100,000 (target p95 < 30 ms), from the input event to the results for that
 *   exact text in the DOM, measured in the page for every keystroke of 40 typed queries; also to the next
 *   animation frame after it (the paint can be no earlier);
 * - opening a record with 1,000 interactions (target < 100 ms), from the click to the record with its timeline
 *   in the DOM.
 * Data comes from a seeded PRNG, so every run types the same queries over the same people.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../emulator/chromium';
import setup from '../tests/setup/build-once';
import type { Figure } from './figure';
import { seededRandom } from '../shared/retention/simulate';
import { sampleThreadCpu, sumByKind } from './support/thread-cpu';

const PEOPLE = Number(process.env.WORKSPACE_PEOPLE ?? 100_000);
const INTERACTIONS = 1_000;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const GIVEN = ['Ali', 'Sara', 'Reza', 'Maryam', 'Kian', 'Neda', 'Omid', 'Leila', 'John', 'Emma', 'Olivia', 'Noah', 'Liam', 'Ava', 'Mia', 'Lucas', 'Hannah', 'David', 'Grace', 'Alan', 'Ada', 'Peter', 'Anna', 'Mohammad', 'Fatemeh', 'Zahra', 'Hossein', 'Amir', 'Nazanin', 'Parisa', 'علی', 'سارا', 'رضا', 'مریم', 'کیان', 'ندا', 'امید', 'لیلا', 'یاسمن', 'کامران', 'محمد', 'فاطمه', 'زهرا', 'حسین', 'امیر', 'نازنین', 'پریسا', 'بهرام', 'شیرین', 'آرش'];
const FAMILY = ['Rezaei', 'Karimi', 'Ahmadi', 'Hosseini', 'Smith', 'Brown', 'Jones', 'Taylor', 'Wilson', 'Evans', 'Tehrani', 'Kamali', 'Moradi', 'Jafari', 'Sadeghi', 'Lovelace', 'Turing', 'Hopper', 'Nouri', 'Bahrami', 'رضایی', 'کریمی', 'احمدی', 'حسینی', 'یزدانی', 'کاظمی', 'موسوی', 'جعفری', 'صادقی', 'مرادی', 'بهرامی', 'نوری', 'کمالی', 'طهرانی', 'شریفی', 'قاسمی', 'رحیمی', 'عباسی', 'نجفی', 'اکبری'];
const SYLLABLES = ['pars', 'tak', 'nov', 'arya', 'sam', 'dana', 'rah', 'fan', 'avar', 'mehr', 'kav', 'pol', 'sepid', 'tel', 'zar', 'nik', 'acme', 'north', 'blue', 'star'];
const TITLES = ['Head of buying', 'Procurement manager', 'CTO', 'CEO', 'Sales director', 'Engineer', 'Analyst', 'Operations lead', 'مدیر خرید', 'مدیر فروش', 'کارشناس', 'مدیرعامل'];
const NOTES = ['met at the trade show, asked about pricing', 'wants a demo next quarter', 'budget approved for the pilot', 'prefers calls in the morning', 'complained about delivery times', 'در نمایشگاه آشنا شدیم', 'پیگیری قیمت'];

/** The CSV a rep would import: name, email, phone, company, title, notes (one in ten). */
export function contactsCsv(count: number): string {
  const random = seededRandom(42);
  const rows: string[][] = [['Full name', 'Email', 'Phone', 'Company', 'Title', 'Notes']];
  for (let i = 0; i < count; i++) {
    const k = Math.floor(random() * 4000);
    const company = `${SYLLABLES[k % 20]}${SYLLABLES[Math.floor(k / 20) % 20]}${k >= 400 ? ` ${Math.floor(k / 400)}` : ''}`;
    rows.push([
      `${pick(random, GIVEN)} ${pick(random, FAMILY)}`,
      `p${i.toString(36)}@${company.replace(' ', '')}.example`,
      random() < 0.6 ? `+98 912 ${String(i).padStart(7, '0')}` : '',
      company,
      pick(random, TITLES),
      random() < 0.1 ? `${pick(random, NOTES)} (${i})` : '',
    ]);
  }
  return Papa.unparse(rows);
}

/** What a rep types: names, a Persian name typed on an Arabic keyboard, companies, an email, a phone. */
const QUERIES = ['ali rezaei', 'sara k', 'john smith', 'emma', 'grace hopper', 'mohammad', 'علی رضایی', 'كريمي', 'مریم', 'parstak', 'acme', 'north', 'p2s@', 'p1a', '0912000', 'head of', 'cto', 'ada l', 'turing', 'liam w', 'mehrkav', 'noah', 'zahra', 'پریسا', 'هادی', 'david', 'olivia evans', 'starblue', 'omid t', 'lucas', 'anna j', 'peter', 'kian m', 'neda', 'fatemeh', 'amir sadeghi', 'nazanin', 'شیرین', 'آرش', 'bahrami'];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Types each query a key at a time; per keystroke, ms to that text's results in the DOM and to the next frame. */
async function typeQueries(page: Page, queries: string[]): Promise<{ dom: number[]; frame: number[]; texts: string[] }> {
  return page.evaluate(async (list) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    const results = () => document.querySelector('[data-testid="search-results"]')!;
    const dom: number[] = [];
    const frame: number[] = [];
    const texts: string[] = [];
    const untilQuery = (text: string) =>
      new Promise<void>((resolve) => {
        if (results().getAttribute('data-query') === text) return resolve();
        const observer = new MutationObserver(() => {
          if (results().getAttribute('data-query') === text) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-query'], childList: true });
      });
    for (const query of list) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await untilQuery('');
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (let i = 1; i <= query.length; i++) {
        const text = query.slice(0, i);
        const start = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await untilQuery(text);
        dom.push(performance.now() - start);
        texts.push(text);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        frame.push(performance.now() - start);
        // A fast typist: about 12 keys a second.
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
    }
    return { dom, frame, texts };
  }, queries);
}

/** The page's database and store, as sidepanel/main.tsx exposes them for devtools and benchmarks. */
interface PageHooks {
  clipsheet: {
    db: {
      transaction(mode: string, a: unknown, b: unknown, work: () => Promise<void>): Promise<void>;
      interactions: { bulkAdd(records: unknown[]): Promise<unknown> };
      outbox: { bulkAdd(records: unknown[]): Promise<unknown> };
      people: { orderBy(index: string): { limit(n: number): { primaryKeys(): Promise<string[]> } } };
    };
    store: { openPerson(id: string): Promise<void>; closePerson(): void };
  };
}

/** Seeds 1,000 interactions for a person through the page's own database (with their outbox entries). */
async function seedTimeline(page: Page, personId: string): Promise<void> {
  await page.evaluate(
    async ({ personId, count }) => {
      const { db } = (globalThis as unknown as PageHooks).clipsheet;
      const types = ['email', 'call', 'meeting', 'note', 'linkedin message'];
      const now = Date.now();
      const records = Array.from({ length: count }, (_, i) => {
        const at = new Date(now - i * 3_600_000).toISOString();
        return {
          id: `${personId}-i${i}`,
          revision: 0,
          createdAt: at,
          updatedAt: at,
          deleted: false,
          owner: i % 3 ? 'rep@clipsheet.local' : 'bo@clipsheet.local',
          provenance: {},
          history: [],
          personIds: [personId],
          type: types[i % types.length],
          direction: i % 2 ? 'inbound' : 'outbound',
          at,
          subject: `Subject ${i}`,
          summary: `Talked about the order, the delivery date and the next steps (${i}).`,
          ...(i % 4 ? {} : { outcome: 'follow up' }),
          ...(i % 7 ? {} : { experience: 'good' }),
        };
      });
      await db.transaction('rw', db.interactions, db.outbox, async () => {
        await db.interactions.bulkAdd(records);
        await db.outbox.bulkAdd(records.map((r) => ({ entity: 'interaction', recordId: r.id, key: `${r.id}-k`, at: r.at })));
      });
    },
    { personId, count: INTERACTIONS },
  );
}

/** Opens a person's record from the page, timing until the record and its timeline are in the DOM. */
async function openRecord(page: Page, personId: string): Promise<{ dom: number; frame: number }> {
  return page.evaluate(async (id) => {
    const { store } = (globalThis as unknown as PageHooks).clipsheet;
    store.closePerson();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const done = () => document.querySelector(`[data-testid="person-view"][data-person-id="${id}"] [data-testid="timeline"] [data-testid="timeline-item"]`);
    const start = performance.now();
    const rendered = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true });
    });
    void store.openPerson(id);
    await rendered;
    const dom = performance.now() - start;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { dom, frame: performance.now() - start };
  }, personId);
}

export default async function workspaceBench(): Promise<Figure[]> {
  await setup({ provide: undefined, config: { name: 'browser' } });
  // The rig's Chromium launch, on a private copy of the build: a browser test elsewhere rebuilding .output
  // mid-run must not pull the extension from under a ten-minute benchmark. No sheet: this measures the
  // workspace alone, and nothing syncs while it runs.
  const dir = mkdtempSync(join(tmpdir(), 'clipsheet-bench-'));
  cpSync(join(import.meta.dirname, '..', '.output', 'chrome-mv3'), join(dir, 'extension'), { recursive: true });
  const rig = await launchWithExtension({ extensionDir: join(dir, 'extension'), userDataDir: join(dir, 'profile'), headless: true });
  const figures: Figure[] = [];
  try {
    // tsx compiles this file with esbuild's keepNames, which wraps functions in `__name(...)`; functions sent to
    // the page with page.evaluate need that helper there too.
    await rig.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 420, height: 860 });
    await page.goto(`chrome-extension://${rig.extensionId}/sidepanel.html`);
    await page.locator('[data-testid="workspace"][data-ready="true"]').waitFor();

    // 1. Bulk import through the Import view.
    const csv = Buffer.from(contactsCsv(PEOPLE));
    await page.getByTestId('tab-transfer').click();
    let start = performance.now();
    await page.getByTestId('import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    const previewMs = performance.now() - start;
    const cpu = sampleThreadCpu(dir);
    start = performance.now();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
    const importMs = performance.now() - start;
    const threads = sumByKind(cpu.stop());
    const report = await page.getByTestId('import-report').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    figures.push(
      { name: `bulk import of ${PEOPLE.toLocaleString('en')} contacts (click to report)`, value: Math.round(importMs), unit: 'ms', target: '< 20000 ms', meets: importMs < 20_000, note: `created ${report.created}, merged ${report.merged}, rejected ${report.rejected}, flagged ${report.flagged}; people written in chunks of 2,500, each with one outbox entry and one search-log record` },
      {
        // Load-independent: what each thread spent, so a run on a busy machine still says where the time goes.
        name: 'bulk import, CPU time of every Chromium thread',
        value: Number([...threads.values()].reduce((sum, seconds) => sum + seconds, 0).toFixed(1)),
        unit: 's',
        note: `${[...threads].slice(0, 6).map(([kind, seconds]) => `${kind} ${seconds.toFixed(1)} s`).join(', ')} (renderer:chromium is the side panel's thread, DedicatedWorker the import's planning and writing, browser:ThreadPoolForeg mostly IndexedDB)`,
      },
      { name: `reading and previewing the ${(csv.length / 1e6).toFixed(1)} MB CSV`, value: Math.round(previewMs), unit: 'ms', note: 'file chosen to mapping preview; not part of the target' },
    );

    // 2. Search as you type, once the notes index has caught up (it is built in the background).
    await page.getByTestId('tab-contacts').click();
    await page.locator('[data-notes-ready="true"]').waitFor({ timeout: 300_000 });
    const typed = await typeQueries(page, QUERIES);
    figures.push(
      {
        name: `search-as-you-type over ${PEOPLE.toLocaleString('en')} contacts, p95 (keystroke to results in the DOM)`,
        value: Number(percentile(typed.dom, 95).toFixed(1)),
        unit: 'ms',
        target: '< 30 ms',
        meets: percentile(typed.dom, 95) < 30,
        note: `${typed.dom.length} keystrokes over ${QUERIES.length} queries; p50 ${percentile(typed.dom, 50).toFixed(1)} ms; slowest: ${typed.dom
          .map((ms, i) => [ms, typed.texts[i]] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, 5)
          .map(([ms, text]) => `"${text}" ${ms.toFixed(0)} ms`)
          .join(', ')}`,
      },
      { name: 'search-as-you-type, p95 (keystroke to the next animation frame)', value: Number(percentile(typed.frame, 95).toFixed(1)), unit: 'ms', note: `includes waiting for the frame (up to 16.7 ms at 60 Hz); p50 ${percentile(typed.frame, 50).toFixed(1)} ms` },
    );

    // 3. A record with 1,000 interactions.
    const ids = await page.evaluate(async () => {
      const { db } = (globalThis as unknown as PageHooks).clipsheet;
      return db.people.orderBy('_index.name').limit(2).primaryKeys();
    });
    for (const id of ids) await seedTimeline(page, id);
    const opens: Array<{ dom: number; frame: number }> = [];
    for (let i = 0; i < 20; i++) opens.push(await openRecord(page, ids[i % 2]!));
    const domTimes = opens.map((o) => o.dom);
    figures.push(
      { name: `opening a record with ${INTERACTIONS.toLocaleString('en')} interactions (median)`, value: Number(percentile(domTimes, 50).toFixed(1)), unit: 'ms', target: '< 100 ms', meets: percentile(domTimes, 50) < 100, note: `20 opens of two such records; p95 ${percentile(domTimes, 95).toFixed(1)} ms, max ${Math.max(...domTimes).toFixed(1)} ms; to the next frame, median ${percentile(opens.map((o) => o.frame), 50).toFixed(1)} ms; the timeline shows the newest 50, the rest on request` },
    );

    // 4. Opening the side panel with everyone in it (the first one closed, so the two do not compete).
    await page.close();
    const panel = await rig.context.newPage();
    await panel.setViewportSize({ width: 420, height: 860 });
    start = performance.now();
    await panel.goto(`chrome-extension://${rig.extensionId}/sidepanel.html`);
    await panel.locator('[data-testid="workspace"][data-ready="true"]').waitFor();
    await panel.getByTestId('search-row').first().waitFor();
    figures.push({ name: `opening the side panel with ${PEOPLE.toLocaleString('en')} contacts (to the first rows)`, value: Math.round(performance.now() - start), unit: 'ms', note: 'navigation included' });
  } finally {
    await rig.context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
