/** Small, defensive readers of a Document shared by the extractors. None of them throws on odd markup. */

const onceCache = new WeakMap<Document, Map<string, unknown>>();

/**
 * Starts an extraction (every extractor does, through `pageOf`). What was read from the document before is
 * forgotten: a single-page app keeps one Document across navigations, so what is remembered must last one
 * extraction only. The selectors the extraction reads across the whole page are found here, all in one walk
 * (one querySelectorAll of them joined, then split): linkedom walks the whole tree for every query, about
 * 8 ms on a page of 35,000 elements (bench/extract.bench.ts), and an extraction used to make one per strategy.
 */
export function startExtraction(doc: Document, acrossPage: readonly string[]): void {
  const found = acrossPage.length ? [...doc.querySelectorAll(acrossPage.join())] : [];
  onceCache.set(doc, new Map(acrossPage.map((selector) => [`all:${selector}`, found.filter((element) => element.matches(selector))])));
}

/** A value computed once per extraction: several strategies read the same element, and every walk of a large page costs. */
export function once<T>(doc: Document, key: string, compute: () => T): T {
  let values = onceCache.get(doc);
  if (!values) onceCache.set(doc, (values = new Map()));
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}

/** Every element matching `selector`, in document order, as `querySelectorAll` gives them; once per extraction. */
export const all = (doc: Document, selector: string): Element[] => once(doc, `all:${selector}`, () => [...doc.querySelectorAll(selector)]);

/** The script elements that hold JSON-LD. */
export const JSON_LD = 'script[type="application/ld+json"]';

/** Every JSON-LD object on the page, flattened through `@graph` and arrays; broken blocks are skipped. */
export function readJsonLd(doc: Document): Array<Record<string, unknown>> {
  return once(doc, 'json-ld', () => {
    const out: Array<Record<string, unknown>> = [];
    const visit = (node: unknown, depth: number) => {
      if (depth > 8) return; // a hostile page can nest without end
      if (Array.isArray(node)) node.forEach((item) => visit(item, depth + 1));
      else if (node && typeof node === 'object') {
        out.push(node as Record<string, unknown>);
        const graph = (node as Record<string, unknown>)['@graph'];
        if (graph) visit(graph, depth + 1);
      }
    };
    for (const script of all(doc, JSON_LD)) {
      try {
        visit(JSON.parse(script.textContent ?? ''), 0);
      } catch {
        // A page's broken JSON-LD is its problem, not a reason to fail the capture.
      }
    }
    return out;
  });
}

/** Whether a JSON-LD object has the given schema.org type (or one of them). */
export const hasType = (node: Record<string, unknown>, ...types: string[]) =>
  [node['@type']].flat().some((t) => typeof t === 'string' && types.includes(t.replace(/^https?:\/\/schema\.org\//, '')));

/** A `<meta property|name=...>` content, trimmed, or undefined. */
export function readMeta(doc: Document, key: string): string | undefined {
  // Meta tags belong in the head (the parser puts them there); not walking a large body for them saves time.
  // An empty document has no head (and linkedom throws on asking for it).
  if (!doc.documentElement) return undefined;
  const element = (doc.head ?? doc).querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return cleanText(element?.getAttribute('content'));
}

/** Visible text with whitespace collapsed; undefined when empty. */
export function cleanText(text: string | null | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** A JSON-LD value that may be a string or an object with a name/url. */
export function ldString(value: unknown, key = 'name'): string | undefined {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return ldString(value[0], key);
  if (value && typeof value === 'object') return ldString((value as Record<string, unknown>)[key], key);
  return undefined;
}

/** Text of an element without the screen-reader-only duplicates LinkedIn nests inside it. */
export function visibleText(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  const shown = element.querySelector('[aria-hidden="true"]');
  return cleanText((shown ?? element).textContent);
}

/** An absolute http(s) URL from an href, resolved against the page; undefined for anything else. */
export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The first element whose own heading text (h2/h3/dt) is one of `labels`; for label/value lists. */
export function valueAfterLabel(root: ParentNode, labels: RegExp): Element | undefined {
  for (const label of root.querySelectorAll('h2, h3, dt, th')) {
    if (!labels.test(cleanText(label.textContent) ?? '')) continue;
    const next = label.nextElementSibling;
    if (next) return next;
  }
  return undefined;
}
