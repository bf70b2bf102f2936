/**
 * Extraction (issue 4): time per page for each site's extractor on a real fixture padded to 2 MB (the size of
 * a long LinkedIn profile or Gmail thread as saved by the browser), in Node with linkedom; how many times an
 * extraction walks the whole page; and the content script each LinkedIn or Gmail page carries, measured on the
 * built extension (`wxt build`).
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

// Three ways a page reaches 2 MB. Real LinkedIn and Gmail pages are mostly embedded data and scripts: a few
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

// Ordinary elements (feed posts, 12 elements each).
const post = (i: number) =>
  `<div class="feed-shared-update-v2 artdeco-card _x${i % 97}" data-urn="urn:li:activity:${i}"><div class="update-components-actor"><img alt="" src="https://media.licdn.com/dms/image/${i}.jpg"><span class="t-14 t-bold">Member ${i}</span></div><p class="break-words">${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(4)}</p><ul class="social-details">${'<li><button aria-label="React">Like</button></li>'.repeat(3)}</ul></div>`;
const posts = (from: number, count: number) => Array.from({ length: count }, (_, i) => post(from + i)).join('');
const afterOpening = (html: string, tag: RegExp) => {
  const at = html.search(tag);
  return at < 0 ? -1 : html.indexOf('>', at) + 1;
};

// A real page: a few thousand ordinary elements (a LinkedIn profile has 3,000-6,000) around the content, a
// quarter before it (navigation), a quarter at the top of its main region (other sections), half after it
// (asides, footer), then embedded data for the rest of the 2 MB.
function realistic(html: string): string {
  const quarter = 100; // posts: 4 x 100 x 12 = 4,800 elements
  const body = afterOpening(html, /<body\b/i);
  const main = afterOpening(html, /<main\b|<[a-z]+\b[^>]*\brole="main"/i);
  const end = html.search(/<\/body>/i);
  const aside = `<aside>${posts(2 * quarter, main < 0 ? 3 * quarter : 2 * quarter)}</aside>`;
  const top = main < 0 ? '' : `<div>${posts(quarter, quarter)}</div>`;
  const inMain = main < 0 ? html.slice(body, end) : `${html.slice(body, main)}${top}${html.slice(main, end)}`;
  return paddedWithData(`${html.slice(0, body)}<nav>${posts(0, quarter)}</nav>${inMain}${aside}${html.slice(end)}`);
}

// A stress case, not a page anyone sees: 2 MB of ordinary elements (~35,000) put before the content, so every
// whole-page selector walks them all. One walk of that many elements costs linkedom 8-10 ms by itself.
function paddedWithElements(html: string): string {
  let filler = '';
  for (let i = 0; filler.length + html.length < TARGET_BYTES; i++) filler += post(i);
  const at = html.indexOf('<body') >= 0 ? html.indexOf('>', html.indexOf('<body')) + 1 : 0;
  return `${html.slice(0, at)}<div class="filler">${filler}</div>${html.slice(at)}`;
}

const PADDINGS = [
  { name: 'embedded data', pad: paddedWithData, target: true },
  { name: 'embedded data and {elements} elements, a realistic page', pad: realistic, target: true },
  { name: '{elements} elements, stress case', pad: paddedWithElements, target: false },
] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Selector queries an extraction runs on the whole page (the Document, <html> or <body>): in linkedom each
// walks every node up to its first match, to the end for querySelectorAll. Queries inside an element (the
// main region, a message) are not counted. Counted by wrapping linkedom's methods for one untimed run on the
// fixture itself: padding changes what a walk costs, not how many there are.
function wholePageWalks(doc: Document, extract: (doc: Document) => unknown): number {
  const whole = new Set<unknown>([doc, doc.documentElement, doc.body]);
  const owner = (node: object) => {
    let proto = Object.getPrototypeOf(node) as Record<string, unknown>;
    while (!Object.hasOwn(proto, 'querySelectorAll')) proto = Object.getPrototypeOf(proto) as Record<string, unknown>;
    return proto;
  };
  const saved = [owner(doc), owner(doc.body)].flatMap((proto) => ['querySelector', 'querySelectorAll'].map((method) => [proto, method, proto[method] as (...args: unknown[]) => unknown] as const));
  let walks = 0;
  for (const [proto, method, original] of saved) {
    proto[method] = function (this: unknown, ...args: unknown[]) {
      if (whole.has(this)) walks++;
      return original.apply(this, args);
    };
  }
  try {
    extract(doc);
  } finally {
    for (const [proto, method, original] of saved) proto[method] = original;
  }
  return walks;
}

export default async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const page of PAGES) {
    const fixture = readFileSync(join(ROOT, 'tests', 'fixtures', page.file), 'utf8');
    const extract = CAPTURES.find((c) => c.id === page.capture)!.extract;
    const walks = wholePageWalks(parseHTML(fixture).document as unknown as Document, (doc) => extract(doc, page.url));
    figures.push({ name: `${page.capture} whole-page selector walks per extraction`, value: walks, unit: 'walks' });
    for (const padding of PADDINGS) {
      const html = padding.pad(fixture);
      const parse: number[] = [];
      const times: number[] = [];
      let elements = 0;
      for (let run = 0; run < RUNS; run++) {
        let doc: Document | undefined;
        parse.push(await timeMs(() => (doc = parseHTML(html).document as unknown as Document)));
        times.push(await timeMs(() => extract(doc!, page.url)));
        if (run === 0) elements = doc!.querySelectorAll('*').length;
      }
      const what = `${(html.length / 1024 / 1024).toFixed(1)} MB of ${padding.name.replace('{elements}', elements.toLocaleString('en-US'))}`;
      const value = median(times);
      const target = padding.target ? { target: '< 10 ms', meets: value < 10 } : { note: 'the issue’s 10 ms target is for real pages; this one is for how the cost grows' };
      figures.push({ name: `${page.capture} extraction, ${what} (median of ${RUNS})`, value, unit: 'ms', ...target });
      figures.push({ name: `${page.capture} linkedom parse, ${what} (CLI only)`, value: median(parse), unit: 'ms' });
    }
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
