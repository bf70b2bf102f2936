import './ConfirmDelete.css';
import { useEffect, useRef } from 'preact/hooks';
import { useTranslator } from '../i18n/i18n';

/** The delete question, asked in place: focus starts on Cancel (the safe answer), Esc cancels. */
export function ConfirmDelete({ question, onConfirm, onCancel, testId = 'timeline' }: { question: string; onConfirm: () => void; onCancel: () => void; testId?: string }) {
  const { t } = useTranslator();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <div class="confirm-delete" role="group" aria-label={question} onKeyDown={onKeyDown} data-keeps-escape data-testid={`${testId}-confirm`}>
      <p>{question}</p>
      <button type="button" class="button small danger" onClick={onConfirm} data-testid={`${testId}-confirm-delete`}>
        {t('timeline.delete')}
      </button>
      <button type="button" class="button small" ref={cancelRef} onClick={onCancel} data-testid={`${testId}-confirm-cancel`}>
        {t('timeline.cancel')}
      </button>
    </div>
  );
}
