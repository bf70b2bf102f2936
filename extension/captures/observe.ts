/**
 * The one helper for content that arrives late: reads the page now and again after each burst of DOM
 * mutations, until `read` gives a value, the time runs out or the signal aborts. No polling loop: a quiet
 * page costs nothing, and the observer is always disconnected.
 */
export function observe<T>(read: () => T | undefined, options: { signal: AbortSignal; timeoutMs: number; root?: Node }): Promise<T | undefined> {
  return new Promise((resolve) => {
    if (options.signal.aborted) return resolve(undefined);
    let settled = false;
    let scheduled: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: T | undefined) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(scheduled);
      clearTimeout(deadline);
      options.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const attempt = () => {
      scheduled = undefined;
      let value: T | undefined;
      try {
        value = read();
      } catch {
        value = undefined; // half-rendered markup: try again on the next change
      }
      if (value !== undefined) finish(value);
    };
    // A burst of mutations (a framework rendering a view) is read once, shortly after it settles.
    const observer = new MutationObserver(() => {
      scheduled ??= setTimeout(attempt, 50);
    });
    const onAbort = () => finish(undefined);
    const deadline = setTimeout(() => finish(undefined), options.timeoutMs);
    options.signal.addEventListener('abort', onAbort);
    observer.observe(options.root ?? document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'href', 'aria-label'] });
    attempt();
  });
}
