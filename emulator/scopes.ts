/**
 * OAuth scopes, as Apps Script enforces them when appsscript.json lists `oauthScopes`: a call that needs a
 * scope the manifest does not grant fails with Google's "You do not have permission" exception. Without
 * `oauthScopes` Apps Script infers the scopes from the code, and every call is allowed.
 * (developers.google.com/apps-script/concepts/scopes; each method's "Authorization" section.)
 */
const SCOPE = 'https://www.googleapis.com/auth/';
const SPREADSHEETS = [`${SCOPE}spreadsheets.currentonly`, `${SCOPE}spreadsheets`];

// First matching prefix wins, so the narrower rules come first. Services not listed need no scope
// (PropertiesService, CacheService, LockService, Utilities, ContentService, HtmlService's outputs).
const RULES: Array<[prefix: string, anyOf: string[]]> = [
  ['SpreadsheetApp.getUi', [`${SCOPE}script.container.ui`]],
  ['SpreadsheetApp.Ui.', [`${SCOPE}script.container.ui`]],
  // currentonly reaches only the spreadsheet the script is bound to; opening or creating another needs the full scope.
  ['SpreadsheetApp.openById', [`${SCOPE}spreadsheets`]],
  ['SpreadsheetApp.openByUrl', [`${SCOPE}spreadsheets`]],
  ['SpreadsheetApp.create', [`${SCOPE}spreadsheets`]],
  ['SpreadsheetApp.', SPREADSHEETS],
  ['ScriptApp.newTrigger', [`${SCOPE}script.scriptapp`]],
  ['ScriptApp.TriggerBuilder.', [`${SCOPE}script.scriptapp`]],
  ['ScriptApp.getProjectTriggers', [`${SCOPE}script.scriptapp`]],
  ['ScriptApp.getUserTriggers', [`${SCOPE}script.scriptapp`]],
  ['ScriptApp.deleteTrigger', [`${SCOPE}script.scriptapp`]],
  ['Session.getActiveUser', [`${SCOPE}userinfo.email`]],
  ['Session.getEffectiveUser', [`${SCOPE}userinfo.email`]],
  ['UrlFetchApp.', [`${SCOPE}script.external_request`]],
];

/** The scopes a service call needs (any one of them), or none. */
export function scopesFor(call: string): string[] {
  return RULES.find(([prefix]) => call.startsWith(prefix))?.[1] ?? [];
}

/** A gate for CallCounter that refuses calls the manifest's scopes do not cover; undefined when nothing is declared. */
export function scopeGate(manifest: { oauthScopes?: string[] } | undefined): ((call: string) => void) | undefined {
  const granted = manifest?.oauthScopes;
  if (!granted) return undefined;
  return (call) => {
    const needed = scopesFor(call);
    if (needed.length && !needed.some((scope) => granted.includes(scope)))
      throw new Error(`Exception: You do not have permission to call ${call.replace(/^(\w+)\.(?:\w+\.)?(\w+)$/, '$1.$2')}. Required permissions: ${needed.join(' || ')}`);
  };
}
