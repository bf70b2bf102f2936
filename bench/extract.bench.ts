/**
 * Extraction (issue 4): time per page for each site's extractor on a real fixture padded to 2 MB (the size of
 * a long LinkedIn profile or Gmail thread as saved by the browser), in Node with linkedom; and the content
 * script each LinkedIn or Gmail page carries, measured on the built extension (`wxt build`).
 * Run: `npx tsx bench/run.ts extract`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { CAPTURES } from '../extension/captures/registry';
import { timeMs, type Figure } from './figure';

const ROOT = join(import.meta.dirname, '..');
const TARGET_BYTES = 2 * 1024 * 1024;
const RUNS = 15;
const PAGES = [
  { capture: 'linkedin-profile', file: 'sites/www.linkedin.com/in/sara-ahmadi/index.html', url: 'https://www.linkedin.com/in/sara-ahmadi/' },
  { capture: 'gmail-thread', file: 'sites/mail.google.com/mail/u/0/index.html', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN' },
  { capture: 'web-page', file: 'sites/www.example-company.com/index.html', url: 'https://www.example-company.com/' },
];

// Two ways a page reaches 2 MB. Real LinkedIn and Gmail pages are mostly embedded data and scripts: a few
// huge elements (LinkedIn's <code id="bpr-guid-…"> API answers about other people, Gmail's inline scripts).
function paddedWithData(html: string): string {
  const entity = (i: number) => `{"$type":"com.linkedin.voyager.dash.identity.profile.Profile","publicIdentifier":"member-${i}","firstName":"Member","lastName":"${i}","headline":"${'Lorem ipsum dolor sit amet. '.repeat(3)}"}`;
  const blocks: string[] = [];
  let size = html.length;
  for (let b = 0; size < TARGET_BYTES; b++) {
    const block = `<code style="display: none" id="bpr-guid-${9000 + b}">{"included":[${Array.from({ length: 400 }, (_, i) => entity(b * 400 + i)).join(',')}]}</code><script>window.__data${b}=${JSON.stringify('x'.repeat(20_000))}</script>`;
    blocks.push(block);
    size += block.length;
  }
  return html.replace(/<\/body>/i, `${blocks.join('')}</body>`);
}

// The worst case: 2 MB of ordinary elements (feed posts), put before the content the extractor reads, so every
// selector walks ~35,000 elements. One walk of that many elements costs linkedom 15-25 ms by itself.
function paddedWithElements(html: string): string {
  const post = (i: number) =>
    `<div class="feed-shared-update-v2 artdeco-card _x${i % 97}" data-urn="urn:li:activity:${i}"><div class="update-components-actor"><img alt="" src="https://media.licdn.com/dms/image/${i}.jpg"><span class="t-14 t-bold">Member ${i}</span></div><p class="break-words">${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(4)}</p><ul class="social-details">${'<li><button aria-label="React">Like</button></li>'.repeat(3)}</ul></div>`;
  let filler = '';
  for (let i = 0; filler.length + html.length < TARGET_BYTES; i++) filler += post(i);
  const at = html.indexOf('<body') >= 0 ? html.indexOf('>', html.indexOf('<body')) + 1 : 0;
  return `${html.slice(0, at)}<div class="filler">${filler}</div>${html.slice(at)}`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [page, padding, pad] of PAGES.flatMap((p) => [[p, 'embedded data', paddedWithData], [p, 'dense elements', paddedWithElements]] as const)) {
    const html = pad(readFileSync(join(ROOT, 'tests', 'fixtures', page.file), 'utf8'));
    const extract = CAPTURES.find((c) => c.id === page.capture)!.extract;
    const parse: number[] = [];
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let doc: Document | undefined;
      parse.push(await timeMs(() => (doc = parseHTML(html).document as unknown as Document)));
      times.push(await timeMs(() => extract(doc!, page.url)));
    }
    const mb = (html.length / 1024 / 1024).toFixed(1);
    figures.push({ name: `${page.capture} extraction, ${mb} MB of ${padding} (median of ${RUNS})`, value: median(times), unit: 'ms', target: '< 10 ms', meets: median(times) < 10 });
    figures.push({ name: `${page.capture} linkedom parse, ${mb} MB of ${padding} (CLI only)`, value: median(parse), unit: 'ms' });
  }
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'pipe' });
  const dir = join(ROOT, '.output', 'chrome-mv3', 'content-scripts');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const kb = statSync(join(dir, file)).size / 1000;
    figures.push({ name: `content script ${file} (minified, per page)`, value: kb, unit: 'KB', target: '< 50 KB', meets: kb < 50 });
  }
  const injected = statSync(join(ROOT, '.output', 'chrome-mv3', 'clip.js')).size / 1000;
  figures.push({ name: 'clip.js, injected only into a tab the rep clips', value: injected, unit: 'KB' });
  return figures;
}
