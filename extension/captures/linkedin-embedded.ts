import { all, cleanText, once } from './dom';
import { css } from './linkedin-selectors';

/**
 * LinkedIn's logged-in pages carry the data they render as JSON in hidden `<code id="bpr-guid-…">` blocks
 * (the "included" entities of its API answers). It changes far less often than the class names, so it is
 * the first strategy for a profile's names and headline.
 */
export type Entity = Record<string, unknown>;

const MAX_BLOCK = 5_000_000; // no profile's data is bigger; a block that is would cost more than it gives

/**
 * The profile entity whose public id is the one in the page's URL; never another profile on the page. Only
 * blocks that mention that id are parsed: a real profile page carries megabytes of other API answers.
 */
export function embeddedProfile(doc: Document, url: URL): Entity | undefined {
  const slug = /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
  if (!slug) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(slug).toLowerCase();
  } catch {
    return undefined;
  }
  return once(doc, `embedded:${id}`, () => findProfile(doc, id));
}

function findProfile(doc: Document, id: string): Entity | undefined {
  const mention = new RegExp(`"publicIdentifier":"${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i');
  let entity: Entity | undefined;
  for (const code of all(doc, css('embeddedJson'))) {
    const text = code.textContent ?? '';
    if (text.length > MAX_BLOCK || !mention.test(text)) continue;
    entity = includedOf(text).find((e) => String(e.$type ?? '').endsWith('.identity.profile.Profile') && String(e.publicIdentifier ?? '').toLowerCase() === id);
    if (entity) break;
  }
  return entity;
}

function includedOf(text: string): Entity[] {
  try {
    const included = (JSON.parse(text) as { included?: unknown }).included;
    return Array.isArray(included) ? included.filter((item): item is Entity => !!item && typeof item === 'object') : [];
  } catch {
    return []; // half-written blocks appear while the page streams in; they are read again on the next try
  }
}

/** A string member of an entity, cleaned. */
export const entityText = (entity: Entity | undefined, key: string) => (typeof entity?.[key] === 'string' ? cleanText(entity[key] as string) : undefined);
