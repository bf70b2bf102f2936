/**
 * A rep's sync key as the admin hands it over: `cs1.<key id>.<secret>`. The key id is public (it names
 * the rep in the Team sheet and in every request); the secret signs requests and never leaves the
 * rep's browser or the script's properties.
 */
export interface SyncKey {
  keyId: string;
  secret: string;
}

const KEY_FORMAT = /^cs1\.([A-Za-z0-9]{8,64})\.([A-Za-z0-9]{32,128})$/;

/** Parses a pasted key; whitespace around it is forgiven, anything else is a clear error. */
export function parseSyncKey(text: string): SyncKey {
  const match = KEY_FORMAT.exec(text.trim());
  if (!match) throw new Error('That is not a Clipsheet sync key: it starts with "cs1." and comes from Clipsheet > Add a rep in the sheet.');
  return { keyId: match[1]!, secret: match[2]! };
}
