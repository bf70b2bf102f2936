import { browser } from '#imports';
import type { Capture, PersonCapture } from '../shared/capture/capture';
import type { PersonLike } from '../shared/identity/person-keys';
import type { EntityName } from '../shared/model';
import type { SyncStatus } from './settings';
import type { KnownPerson } from './store/find-known';
import type { SaveSummary } from './store/save-capture';

/** Every message a page script or extension page sends the background, with its answer type. */
export interface Messages {
  'save-person': { request: { capture: PersonCapture }; response: { personId: string; created: boolean } };
  'sync-now': { request: Record<string, never>; response: SyncStatus };
  /** Saves an organisation, a mail thread, or every record of a list or page. */
  'save-capture': { request: { capture: Capture }; response: SaveSummary };
  /** Identity lookup for the in-page bar: one answer per query, in order. */
  'find-known': { request: { people: PersonLike[] }; response: Array<KnownPerson | null> };
  /** Clips a tab as the toolbar/shortcut/context menu do (for the side panel): runs the extractor in it and saves. */
  'clip-tab': { request: { tabId: number; selection?: boolean }; response: SaveSummary };
  /** The side panel changed records: sync soon, and re-plan reminders when tasks changed. */
  'local-change': { request: { entities: EntityName[] }; response: null };
}
export type MessageType = keyof Messages;

type Envelope<T extends MessageType> = { type: T; payload: Messages[T]['request'] };
type Reply<T extends MessageType> = { ok: true; value: Messages[T]['response'] } | { ok: false; error: string };

/** Sends a typed message to the background and unwraps its answer; a failure there is thrown here. */
export async function sendMessage<T extends MessageType>(type: T, payload: Messages[T]['request']): Promise<Messages[T]['response']> {
  const reply = (await browser.runtime.sendMessage({ type, payload } satisfies Envelope<T>)) as Reply<T> | undefined;
  if (!reply) throw new Error('Clipsheet’s background did not answer; reload the page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export type Handlers = { [T in MessageType]: (payload: Messages[T]['request']) => Promise<Messages[T]['response']> };

/** Installs the background's handlers; every answer is `{ok, value}` or `{ok: false, error}`. */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    const { type, payload } = (message ?? {}) as Envelope<MessageType>;
    const handler = handlers[type] as ((payload: unknown) => Promise<unknown>) | undefined;
    if (!handler) return false;
    handler(payload).then(
      (value) => sendResponse({ ok: true, value }),
      (error: Error) => sendResponse({ ok: false, error: error.message }),
    );
    return true; // answers asynchronously
  });
}
