import { RECURRENCES } from '../../shared/model';
import type { Recurrence } from '../../shared/levels';
import { useTranslator } from '../i18n/i18n';
import { fromLocalInput } from './date-input';

/** When a follow-up is due and how it repeats: the pair the quick log and the task form both ask for. */
export function DueFields(props: {
  label: string;
  due: string;
  onDue: (value: string) => void;
  recurrence: Recurrence;
  onRecurrence: (value: Recurrence) => void;
  /** Prefix of the fields' data-testids (`<prefix>-due`, `<prefix>-recurrence`). */
  testId: string;
  required?: boolean;
}) {
  const { t, term, dateTime } = useTranslator();
  return (
    <>
      <label class="field">
        <span>{props.label}</span>
        <input
          type="datetime-local"
          value={props.due}
          onInput={(e) => props.onDue(e.currentTarget.value)}
          aria-required={props.required ? 'true' : undefined}
          data-testid={`${props.testId}-due`}
        />
        <span class="due-preview muted">{dateTime(fromLocalInput(props.due))}</span>
      </label>
      <label class="field">
        <span>{t('tasks.recurrence')}</span>
        <select value={props.recurrence} onChange={(e) => props.onRecurrence(e.currentTarget.value as Recurrence)} data-testid={`${props.testId}-recurrence`}>
          {RECURRENCES.map((value) => (
            <option key={value} value={value}>
              {term('recurrence', value)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
