import { storage } from '#imports';
import type { NeverLogList } from '../../shared/capture/plan-thread';

/**
 * Addresses and domains whose mail is never logged [S8]. The rep's own company domain is always added from
 * their own address (shared/capture/plan-thread.ts), so an empty list already keeps internal mail out.
 */
export const neverLogList = storage.defineItem<NeverLogList>('local:neverLog', { fallback: { domains: [], addresses: [] }, version: 1 });
