import { randomUUID } from 'node:crypto';
import type { CallCounter } from './call-counter';
import { track } from './sheets-context';

/**
 * ScriptApp: installable triggers with Apps Script's rules (schedules it accepts, at most 20 per user per
 * script), kept in the script's state so the runtime can fire them (editByHand, runTimeDriven).
 */

/** An installed trigger. */
export interface TriggerSpec {
  id: string;
  handler: string;
  event: 'ON_EDIT' | 'ON_CHANGE' | 'ON_OPEN' | 'CLOCK';
  everyMinutes?: number;
  everyHours?: number;
}

/** The ScriptApp global over the script's triggers. */
export function createScriptApp(options: { calls: CallCounter; state: { triggers: TriggerSpec[] }; webAppUrl: () => string; onStateChange: () => void }) {
  const { calls, state } = options;
  const t = <T extends object>(object: T, name: string) => track(object, name, calls);
  const trigger = (spec: TriggerSpec) => t(
    {
      getUniqueId: () => spec.id,
      getHandlerFunction: () => spec.handler,
      getEventType: () => spec.event,
      getTriggerSource: () => (spec.event === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS'),
    },
    'ScriptApp.Trigger',
  );
  const triggerBuilder = (handler: string) => {
    const spec: TriggerSpec = { id: randomUUID(), handler, event: 'CLOCK' };
    const builder = {
      forSpreadsheet: (spreadsheet: unknown) => {
        if (!spreadsheet) throw new Error('Exception: Invalid argument: key');
        return builder;
      },
      onEdit: () => { spec.event = 'ON_EDIT'; return builder; },
      onChange: () => { spec.event = 'ON_CHANGE'; return builder; },
      onOpen: () => { spec.event = 'ON_OPEN'; return builder; },
      timeBased: () => builder,
      everyMinutes(n: number) {
        if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Exception: The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
        spec.everyMinutes = n;
        return builder;
      },
      everyHours(n: number) {
        if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error('Exception: The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
        spec.everyHours = n;
        return builder;
      },
      create() {
        if (state.triggers.length >= 20) throw new Error('Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.');
        state.triggers.push(spec);
        options.onStateChange();
        return trigger(spec);
      },
    };
    return t(builder, 'ScriptApp.TriggerBuilder');
  };

  return t(
    {
      newTrigger: triggerBuilder,
      getProjectTriggers: () => state.triggers.map(trigger),
      getUserTriggers: () => state.triggers.map(trigger),
      deleteTrigger(doomed: { getUniqueId(): string }) {
        const id = calls.uncounted(() => doomed.getUniqueId());
        state.triggers = state.triggers.filter((s) => s.id !== id);
        options.onStateChange();
      },
      getService: () => ({ getUrl: options.webAppUrl }),
      EventType: { ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE', ON_OPEN: 'ON_OPEN', CLOCK: 'CLOCK' },
      TriggerSource: { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' },
      AuthMode: { FULL: 'FULL', LIMITED: 'LIMITED', NONE: 'NONE' },
    },
    'ScriptApp',
  );
}
