import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SyncStatus } from '../../settings';
import { createTranslator, pickLanguage, type Translator } from '../../i18n/i18n';
import { checkOptions, type OptionsField, type OptionsPorts, type OptionsValues } from './options-values';

const EMPTY: OptionsValues = { url: '', key: '', email: '', name: '', language: '', atRiskAfterDays: '60', inactiveAfterDays: '180', neverLogDomains: '', neverLogAddresses: '' };

/**
 * The rep's options: the sheet to sync with (optional: without one everything stays local), who they are,
 * the language, the inactivity thresholds and the never-log list.
 */
export function Options({ ports }: { ports: OptionsPorts }) {
  const [values, setValues] = useState<OptionsValues>(EMPTY);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [problems, setProblems] = useState<Array<{ field: OptionsField; message: string }>>([]);
  const [saved, setSaved] = useState('');
  const translator = useMemo(() => createTranslator(values.language || pickLanguage(ports.locale), ports.locale), [values.language, ports.locale]);
  const { t } = translator;

  useEffect(() => {
    void ports.load().then(setValues);
    return ports.watchStatus(setStatus);
  }, [ports]);
  useEffect(() => {
    document.documentElement.lang = translator.lang;
    document.documentElement.dir = translator.dir;
    document.title = t('options.heading');
  }, [translator]);

  const set = (field: keyof OptionsValues) => (event: Event) => setValues({ ...values, [field]: (event.currentTarget as HTMLInputElement).value });
  const problemFor = (field: OptionsField) => problems.filter((problem) => problem.field === field).map((problem) => problem.message).join(' ');

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const checked = checkOptions(values, { urlInvalid: t('options.urlInvalid') });
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    await ports.save(checked.value);
    setSaved(t('options.saved'));
    if (checked.value.sync) setStatus(await ports.syncNow());
  };

  const field = (name: OptionsField, label: string, input: preact.JSX.Element, hint?: string) => {
    const problem = problemFor(name);
    return (
      <label>
        {label}
        {hint && <small>{hint}</small>}
        {input}
        {problem && (
          <span class="problem" id={`${name}-problem`}>
            {problem}
          </span>
        )}
      </label>
    );
  };
  const invalid = (name: OptionsField) => (problemFor(name) ? { 'aria-invalid': true, 'aria-describedby': `${name}-problem` } : {});

  return (
    <main class="options" data-testid="options">
      <h1>{t('options.heading')}</h1>
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('options.sync')}</legend>
          <p class="hint">{t('options.syncOptional')}</p>
          {field('url', t('options.url'), <input type="url" dir="ltr" value={values.url} onInput={set('url')} placeholder="https://script.google.com/macros/s/…/exec" data-testid="sync-url" {...invalid('url')} />)}
          {field('key', t('options.key'), <input type="password" dir="ltr" value={values.key} onInput={set('key')} placeholder="cs1.…" autoComplete="off" data-testid="sync-key" {...invalid('key')} />)}
        </fieldset>
        <fieldset>
          <legend>{t('options.you')}</legend>
          {field('email', t('options.email'), <input type="email" dir="ltr" value={values.email} onInput={set('email')} data-testid="rep-email" {...invalid('email')} />)}
          <label>
            {t('options.name')}
            <input value={values.name} onInput={set('name')} data-testid="rep-name" />
          </label>
          <label>
            {t('options.language')}
            <select value={values.language} onChange={set('language')} data-testid="language">
              <option value="">Browser / مرورگر</option>
              <option value="en">English</option>
              <option value="fa">فارسی</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('options.rules')}</legend>
          {field('atRiskAfterDays', t('options.atRisk'), <input type="number" min={1} value={values.atRiskAfterDays} onInput={set('atRiskAfterDays')} data-testid="at-risk-days" {...invalid('atRiskAfterDays')} />)}
          {field('inactiveAfterDays', t('options.inactive'), <input type="number" min={1} value={values.inactiveAfterDays} onInput={set('inactiveAfterDays')} data-testid="inactive-days" {...invalid('inactiveAfterDays')} />)}
          {field('neverLogDomains', t('options.neverLog'), <textarea dir="ltr" rows={3} value={values.neverLogDomains} onInput={set('neverLogDomains')} data-testid="never-log-domains" {...invalid('neverLogDomains')} />, t('options.neverLogHint'))}
          {field('neverLogAddresses', t('options.neverLogAddresses'), <textarea dir="ltr" rows={2} value={values.neverLogAddresses} onInput={set('neverLogAddresses')} data-testid="never-log-addresses" {...invalid('neverLogAddresses')} />)}
        </fieldset>
        {problems.length > 0 && (
          <p role="alert" class="problem" data-testid="options-problem">
            {problems.map((problem) => problem.message).join(' ')}
          </p>
        )}
        <button type="submit" data-testid="options-save">
          {values.url || values.key ? t('options.saveSync') : t('options.save')}
        </button>
        <p role="status" aria-live="polite">
          {saved}
        </p>
      </form>
      <section aria-live="polite" data-testid="sync-status" data-state={status?.state}>
        <h2>{t('options.status')}</h2>
        {status && <p>{describe(status, translator)}</p>}
        {!!status?.overtaken?.length && (
          <div data-testid="sync-overtaken">
            <p>{t('sync.overtaken')}</p>
            <ul>
              {status.overtaken.map((o) => (
                <li key={`${o.id}-${o.at}`}>
                  <a href={`sidepanel.html#/${o.entity}/${o.id}`}>{o.id}</a>: {o.fields.join(', ')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </main>
  );
}

function describe(status: SyncStatus, { t, dateTime }: Translator): string {
  const last = status.lastSyncAt ? `${t('sync.idle')}: ${dateTime(status.lastSyncAt)}.` : '';
  const pending = status.pending ? ` ${t('sync.pending', { count: status.pending })}.` : '';
  switch (status.state) {
    case 'not-configured':
      return `${t('sync.notConfigured')}${pending}`;
    case 'syncing':
      return `${t('sync.syncing')}${pending}`;
    case 'error':
      return `${last}${pending} ${t('sync.error')} ${status.lastError ?? ''}`.trim();
    case 'revoked':
      return `${status.lastError ?? ''} ${t('sync.revoked')}`.trim();
    default:
      return `${last}${pending}`.trim();
  }
}
