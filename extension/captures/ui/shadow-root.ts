import type { ContentScriptContext } from '#imports';

/**
 * Mounts the bar in its own shadow root at the end of <body>: the page's styles stay out (`all: initial` on the
 * host), the bar's stay in, and the host page's DOM gains one element. Removed when the returned function is
 * called or the content script is invalidated (the extension reloaded or updated).
 *
 * WXT's createShadowRootUi does the same, but each page then also carries its autoMount machinery, which we do
 * not use (wait-element, many-keys-map and defu: about 6 KB of the 50 KB a content script may add), and the
 * stylesheet is fetched as a web-accessible resource, which any page can probe to detect the extension.
 */
export function mountInShadowRoot(ctx: ContentScriptContext, options: { name: string; css: string; render: (container: HTMLElement) => void; unrender: (container: HTMLElement) => void }): () => void {
  const host = document.createElement(options.name);
  // Open, so that tests can reach the bar the way the rep sees it (Playwright's locators pierce open roots).
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${options.css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.body.append(host);
  options.render(container);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    options.unrender(container);
    host.remove();
  };
  ctx.onInvalidated(remove);
  return remove;
}
