/** Small, defensive readers of a Document shared by the extractors. None of them throws on odd markup. */

/** Every JSON-LD object on the page, flattened through `@graph` and arrays; broken blocks are skipped. */
export function readJsonLd(doc: Document): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      out.push(node as Record<string, unknown>);
      const graph = (node as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is its problem, not a reason to fail the capture.
    }
  }
  return out;
}

/** Whether a JSON-LD object has the given schema.org type. */
export const hasType = (node: Record<string, unknown>, type: string) =>
  [node['@type']].flat().some((t) => typeof t === 'string' && t.replace(/^https?:\/\/schema\.org\//, '') === type);

/** A `<meta property|name=...>` content, trimmed, or undefined. */
export function readMeta(doc: Document, key: string): string | undefined {
  const element = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
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
