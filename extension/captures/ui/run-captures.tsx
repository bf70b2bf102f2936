import { render } from 'preact';
import type { ContentScriptContext } from '#imports';
import type { Capture } from '../../../shared/capture/capture';
import type { PersonLike } from '../../../shared/identity/person-keys';
import { peopleQueries } from './known-queries';
import { observe } from '../observe';
import type { PageName } from '../pages';
import * as check from '../validate';
import { ClipBar } from './ClipBar';
import clipBarCss from './ClipBar.css?inline';
import { mountInShadowRoot } from './shadow-root';

/** A capture a content script offers on the pages its predicate accepts. */
export interface PageCaptureSpec {
  page: PageName;
  test: (url: URL) => boolean;
  extract: (doc: Document, url: string) => Capture;
  /** Whether the page has finished rendering what the capture reads (e.g. the heading shows the name). */
  complete?: (capture: Capture) => boolean;
  /** Who to look up in Clipsheet; by default the people the capture names. */
  known?: (capture: Capture) => PersonLike[];
  /** The save button's word, e.g. "Save thread to Clipsheet". */
  label?: string;
}

// First wait for a complete view; a page that never completes (a layout we do not know) still gets its bar.
const WAIT_FOR_COMPLETE_MS = 4_000;
const WAIT_FOR_CONTENT_MS = 11_000;

/** The entity a bar is shown (or being waited) for. */
interface Shown {
  key: string;
  controller: AbortController;
  signature?: string;
  remove?: () => void;
}

// What tells two captures apart: after an in-app navigation the new page must show someone else.
function signature(capture: Capture): string | undefined {
  if (capture.kind === 'person') return capture.fields.fullName?.value;
  if (capture.kind === 'organisation') return capture.fields.name?.value;
  if (capture.kind === 'email-thread') return capture.messages[0]?.messageId;
  return capture.people.map((p) => p.fields.fullName?.value).join('|') || undefined;
}

// One bar per entity: /in/ada/ and its contact-info overlay are one person.
const entityKey = (spec: PageCaptureSpec, href: string) => `${spec.page}:${(spec.page === 'linkedinProfile' && check.linkedinProfile(href)) || href}`;

/**
 * Runs a content script's captures for the life of the page: on load and on every in-app navigation
 * (`wxt:locationchange`) it finds the capture for the URL, waits (bounded, by mutations) until the page shows
 * a new entity, and mounts the bar in a shadow root; leaving the page removes it. Everything is tied to ctx.
 */
export function runCaptures(ctx: ContentScriptContext, specs: PageCaptureSpec[]): void {
  let current: Shown | undefined;
  const update = async (href: string, navigated: boolean) => {
    const url = new URL(href);
    const spec = specs.find((s) => s.test(url));
    const key = spec && entityKey(spec, href);
    if (current && current.key === key) return;
    const previous = current?.signature;
    current?.controller.abort();
    current?.remove?.();
    current = undefined;
    if (!spec || !key) return;
    const mine: Shown = { key, controller: new AbortController() };
    current = mine;
    ctx.onInvalidated(() => mine.controller.abort());
    // After an in-app navigation the old view is still in the DOM: read only once the page has changed.
    let changed = !navigated;
    const read = (strict: boolean) => () => {
      if (!changed) return void (changed = true);
      const found = spec.extract(document, location.href);
      const sig = signature(found);
      return sig && sig !== previous && (!strict || (spec.complete?.(found) ?? true)) ? found : undefined;
    };
    const options = { signal: mine.controller.signal, timeoutMs: WAIT_FOR_COMPLETE_MS };
    const capture = (await observe(read(true), options)) ?? (await observe(read(false), { ...options, timeoutMs: WAIT_FOR_CONTENT_MS }));
    if (!capture || mine.controller.signal.aborted) return;
    mine.signature = signature(capture);
    mine.remove = mount(ctx, spec, capture);
  };
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void update(newUrl.href, true));
  void update(location.href, false);
}

function mount(ctx: ContentScriptContext, spec: PageCaptureSpec, initial: Capture): () => void {
  const queries = (spec.known ?? peopleQueries)(initial);
  const capture = () => spec.extract(document, location.href);
  return mountInShadowRoot(ctx, {
    name: 'clipsheet-bar',
    css: clipBarCss,
    render: (container) => render(<ClipBar initial={initial} capture={capture} queries={queries} label={spec.label} />, container),
    unrender: (container) => render(null, container),
  });
}
