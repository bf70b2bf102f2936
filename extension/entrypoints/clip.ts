import { defineUnlistedScript } from '#imports';
import { isPage } from '../captures/pages';
import { captureFor } from '../captures/registry';
import { vcardLinks } from '../captures/vcard';
import { extractWebPage } from '../captures/web-page';
import type { Capture } from '../../shared/capture/capture';

const VCARD_TIMEOUT_MS = 3_000;

/**
 * Injected into one tab when the rep clips it (toolbar, shortcut, context menu): runs the extractor for the
 * page and returns the capture to the background. Same-origin vCard links are fetched with the page's own
 * rights, briefly; a slow or missing card is left out.
 */
export default defineUnlistedScript(async (): Promise<Capture | undefined> => {
  const entry = captureFor(location.href, isPage);
  if (!entry) return undefined;
  if (entry.id !== 'web-page') return entry.extract(document, location.href);
  const vcards: Record<string, string> = {};
  await Promise.all(
    vcardLinks(document, location.href)
      .filter((link) => new URL(link).origin === location.origin)
      .map(async (link) => {
        try {
          const response = await fetch(link, { signal: AbortSignal.timeout(VCARD_TIMEOUT_MS), credentials: 'same-origin' });
          if (response.ok) vcards[link] = (await response.text()).slice(0, 100_000);
        } catch {
          // A card that cannot be read is simply not part of the capture.
        }
      }),
  );
  return extractWebPage(document, location.href, vcards);
});
