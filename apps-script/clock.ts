/**
 * Update stamps for the rows the add-on writes. Pull checkpoints are (updatedAt, id), so a stamp must
 * never go backwards or repeat across requests, even if the server's clock does: each is later than the
 * last one handed out, which is kept in script properties (requests hold the script lock).
 */
const LAST_STAMP = 'clipsheet.lastStamp';

export function createClock(
  properties = PropertiesService.getScriptProperties(),
  /** The properties already read this request, to save a call. */
  values?: Record<string, string>,
): { now(): string; save(): void } {
  let last = Number((values ? values[LAST_STAMP] : properties.getProperty(LAST_STAMP)) ?? 0);
  let used = false;
  return {
    now() {
      last = Math.max(Date.now(), last + 1);
      used = true;
      return new Date(last).toISOString();
    },
    save() {
      if (used) properties.setProperty(LAST_STAMP, String(last));
    },
  };
}
