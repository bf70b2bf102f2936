/**
 * SpreadsheetApp.getUi(): menus, sidebars, dialogs, alerts and prompts. A person answers prompts and
 * yes/no alerts; here tests queue those answers (`runtime.answers`) before the script asks. A prompt with no
 * answer queued is a test bug and throws, rather than inventing one.
 */

export type Button = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
/** One answer a person gives: the button they press and, for prompts, what they typed. */
export interface UiAnswer {
  button?: Button;
  text?: string;
}

/** What the script showed, in order. */
export interface UiEvent {
  kind: 'sidebar' | 'dialog' | 'alert' | 'prompt' | 'toast';
  title?: string;
  content: string;
}

/** Where the UI's answers come from and where what it shows goes. */
export interface UiOptions {
  answers: UiAnswer[];
  show: (event: UiEvent) => void;
  menus: Map<string, Array<[string, string]>>;
}

const BUTTON_SETS = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
const BUTTONS = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;

class Menu {
  private readonly items: Array<[string, string]> = [];
  constructor(private readonly title: string, private readonly menus: UiOptions['menus']) {}
  addItem(caption: string, functionName: string) { this.items.push([caption, functionName]); return this; }
  addSeparator() { return this; }
  addSubMenu(menu: Menu) { this.items.push(...menu.items); return this; }
  addToUi() { this.menus.set(this.title, [...this.items]); }
}

/** The overloads alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons); the same for prompt. */
function readArgs(args: unknown[]): { title?: string; text: string; buttons: string } {
  if (args.length >= 3) return { title: String(args[0]), text: String(args[1]), buttons: String(args[2]) };
  if (args.length === 2 && String(args[1]) in BUTTON_SETS) return { text: String(args[0]), buttons: String(args[1]) };
  if (args.length === 2) return { title: String(args[0]), text: String(args[1]), buttons: 'OK' };
  return { text: String(args[0] ?? ''), buttons: 'OK' };
}

/** The object SpreadsheetApp.getUi() returns. */
export function createUi(options: UiOptions) {
  const answer = (kind: string, text: string): UiAnswer => {
    const next = options.answers.shift();
    if (!next) throw new Error(`Emulator: the script showed a ${kind} ("${text}") and no answer was queued in runtime.answers.`);
    return next;
  };
  return {
    createMenu: (title: string) => new Menu(title, options.menus),
    createAddonMenu: () => new Menu('Clipsheet', options.menus),
    showSidebar: (html: { getContent(): string; getTitle?(): string }) => options.show({ kind: 'sidebar', title: html.getTitle?.(), content: html.getContent() }),
    showModalDialog: (html: { getContent(): string }, title: string) => options.show({ kind: 'dialog', title, content: html.getContent() }),
    showModelessDialog: (html: { getContent(): string }, title: string) => options.show({ kind: 'dialog', title, content: html.getContent() }),
    alert(...args: unknown[]): Button {
      const { title, text, buttons } = readArgs(args);
      options.show({ kind: 'alert', title, content: text });
      // An OK-only alert has one answer; others wait for the person's choice.
      return buttons === 'OK' ? 'OK' : answer('alert', text).button ?? 'OK';
    },
    prompt(...args: unknown[]) {
      const { title, text } = readArgs(args);
      options.show({ kind: 'prompt', title, content: text });
      const given = answer('prompt', text);
      return { getResponseText: () => given.text ?? '', getSelectedButton: () => given.button ?? 'OK' };
    },
    ButtonSet: BUTTON_SETS,
    Button: BUTTONS,
  };
}
