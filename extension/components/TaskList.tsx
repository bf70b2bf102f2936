import './TaskList.css';
import { useState } from 'preact/hooks';
import type { Task } from '../../shared/model';
import type { Recurrence } from '../../shared/levels';
import { useTranslator } from '../i18n/i18n';
import { fromLocalInput, toLocalInput, tomorrowAt } from './date-input';
import { DueFields } from './DueFields';
import { useStore } from './workspace-store';

/** Open follow-ups with their actions: done, snooze a day or a week, cancel; optionally who each is about. */
export function TaskList({ tasks, people, now, testId }: { tasks: readonly Task[]; people?: Readonly<Record<string, string>>; now: number; testId?: string }) {
  const store = useStore();
  const { t, term, dateTime } = useTranslator();
  return (
    <ul class="task-list" data-testid={testId}>
      {tasks.map((task) => {
        const overdue = Date.parse(task.dueAt) < now;
        const name = task.personId ? people?.[task.personId] : undefined;
        return (
          <li key={task.id} data-testid="task" data-task-id={task.id}>
            <span class="task-title">{task.title}</span>
            <span class="task-meta">
              <span class="chip" data-tone={overdue ? 'bad' : undefined}>
                {dateTime(task.dueAt)}
              </span>
              {task.recurrence !== 'none' && <span class="chip">{t('tasks.recurring', { recurrence: term('recurrence', task.recurrence) })}</span>}
              {task.automatic && <span class="chip" data-tone="good">{t('tasks.automatic', { kind: term('automatic', task.automatic) })}</span>}
              {people && (name ? (
                <button type="button" class="button link" onClick={() => void store.openPerson(task.personId!)} aria-label={t('tasks.open', { name })}>
                  {name}
                </button>
              ) : (
                <span>{t('tasks.noPerson')}</span>
              ))}
            </span>
            <span class="task-actions">
              <button type="button" class="button small primary" onClick={() => void store.completeTask(task.id)} data-testid="task-done" aria-label={`${t('tasks.done')}: ${task.title}`}>
                {t('tasks.done')}
              </button>
              <button type="button" class="button small" onClick={() => void store.snoozeTask(task.id, 1)} aria-label={`${t('tasks.snoozeDay')}: ${task.title}`}>
                {t('tasks.snoozeDay')}
              </button>
              <button type="button" class="button small" onClick={() => void store.snoozeTask(task.id, 7)} aria-label={`${t('tasks.snoozeWeek')}: ${task.title}`}>
                {t('tasks.snoozeWeek')}
              </button>
              <button type="button" class="button small" onClick={() => void store.cancelTask(task.id)} aria-label={`${t('tasks.cancel')}: ${task.title}`}>
                {t('tasks.cancel')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Adds a follow-up or reminder: what, when (local time), and whether it repeats daily, weekly or monthly. */
export function TaskForm({ personId }: { personId?: string }) {
  const store = useStore();
  const { t } = useTranslator();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => toLocalInput(tomorrowAt(9)));
  const [recurrence, setRecurrence] = useState<Recurrence>('none');
  const [problem, setProblem] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    const dueAt = fromLocalInput(due);
    if (!title.trim() || !dueAt) return setProblem(`${!title.trim() ? t('tasks.title') : t('tasks.due')}: ${t('common.required')}`);
    await store.addTask({ personId, title, dueAt, recurrence });
    setTitle('');
    setRecurrence('none');
    setProblem('');
  };

  return (
    <form class="task-form" onSubmit={submit} aria-label={t('tasks.add')} data-testid="task-form">
      <div class="row">
        <label class="field">
          <span>{t('tasks.title')}</span>
          <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} aria-required="true" data-testid="task-title" />
        </label>
        <DueFields label={t('tasks.due')} due={due} onDue={setDue} recurrence={recurrence} onRecurrence={setRecurrence} testId="task" required />
      </div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="button" data-testid="task-add">
        {t('tasks.save')}
      </button>
    </form>
  );
}
