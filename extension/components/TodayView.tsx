import './TodayView.css';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { Task } from '../../shared/model';
import { TaskForm, TaskList } from './TaskList';
import { useWorkspace } from './workspace-store';

/**
 * The day's work: overdue follow-ups, those due today and the next seven days, including the tasks relationship
 * levels create (post-sale checks, periodic touches), each with done and snooze at hand.
 */
export function TodayView() {
  const { t } = useTranslator();
  const followUps = useWorkspace((s) => s.followUps);
  const people = useWorkspace((s) => s.followUpPeople);
  if (!followUps) return <p class="panel">{t('common.loading')}</p>;
  const now = Date.now();
  const section = (key: MessageKey, tasks: Task[], testId: string) =>
    tasks.length > 0 && (
      <section class="panel" aria-labelledby={`${testId}-heading`}>
        <h3 id={`${testId}-heading`}>
          {t(key)} <span class="count">({tasks.length})</span>
        </h3>
        <TaskList tasks={tasks} people={people} now={now} testId={testId} />
      </section>
    );
  return (
    <div class="today" data-testid="today">
      {followUps.overdue.length + followUps.today.length === 0 && <p class="panel">{t('tasks.nothingToday')}</p>}
      {section('tasks.overdue', followUps.overdue, 'today-overdue')}
      {section('tasks.today', followUps.today, 'today-due')}
      {section('tasks.upcoming', followUps.upcoming, 'today-upcoming')}
      <section class="panel" aria-label={t('tasks.add')}>
        <h3>{t('tasks.add')}</h3>
        <TaskForm />
      </section>
    </div>
  );
}
