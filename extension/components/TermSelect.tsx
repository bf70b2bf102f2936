import type { Ref } from 'preact';
import { useTranslator, type VocabularyGroup } from '../i18n/i18n';

/**
 * A labelled drop-down of one vocabulary (interaction types, directions, experiences, voice-of-customer
 * categories), each option in the rep's language; `none` adds an empty first option with that label.
 */
export function TermSelect<T extends string>(props: {
  label: string;
  group: VocabularyGroup;
  values: readonly T[];
  value: T | '';
  onChange: (value: T | '') => void;
  none?: string;
  testId: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const { term } = useTranslator();
  return (
    <label class="field">
      <span>{props.label}</span>
      <select ref={props.selectRef} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T | '')} data-testid={props.testId}>
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.values.map((value) => (
          <option key={value} value={value}>
            {term(props.group, value)}
          </option>
        ))}
      </select>
    </label>
  );
}
