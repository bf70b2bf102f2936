import './TransferView.css';
import { useState } from 'preact/hooks';
import { useTranslator, type Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { IMPORT_FIELDS, type ImportNote, type ImportReport } from '../store/import-csv';
import { useStore, useWorkspace } from './workspace-store';

const DETAILS_SHOWN = 500;
// The kinds of identity key (shared/identity person-keys): LinkedIn profile, email, phone.
const KEY_NAMES: Record<string, MessageKey> = { in: 'import.key.in', email: 'import.key.email', phone: 'import.key.phone' };

/** Import CSV (map columns, preview, de-duplicate, report) and export CSV or vCard. */
export function TransferView() {
  return (
    <div class="transfer">
      <ImportPanel />
      <ExportPanel />
    </div>
  );
}

function ImportPanel() {
  const store = useStore();
  const translator = useTranslator();
  const { t } = translator;
  const draft = useWorkspace((s) => s.importDraft);
  const progress = useWorkspace((s) => s.importProgress);
  const report = useWorkspace((s) => s.importReport);
  const [problem, setProblem] = useState('');

  const choose = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setProblem(store.previewImport(file.name, await file.text()) ? '' : t('import.error'));
  };
  const hasName = draft?.mapping.some((field) => field === 'fullName' || field === 'givenName' || field === 'familyName');

  return (
    <section class="panel" aria-labelledby="import-heading" data-testid="import">
      <h2 id="import-heading">{t('import.heading')}</h2>
      {!draft && !progress && !report && (
        <label class="button primary file-button">
          {t('import.file')}
          <input type="file" class="visually-hidden" accept=".csv,text/csv,text/plain" onChange={choose} data-testid="import-file" />
        </label>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {draft && !progress && (
        <div data-testid="import-preview">
          <p>{t('import.rows', { count: draft.rows.length, file: draft.fileName })}</p>
          <table class="mapping">
            <caption class="visually-hidden">{t('import.mapping')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.sample')}</th>
                <th scope="col">{t('import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.headers.map((header, column) => (
                <tr key={column}>
                  <th scope="row" dir="auto">
                    {header}
                  </th>
                  <td class="sample" dir="auto" title={draft.rows.slice(0, 3).map((row) => row[column] ?? '').join(' | ')}>
                    {draft.rows
                      .slice(0, 3)
                      .map((row) => row[column] ?? '')
                      .filter(Boolean)
                      .join(' | ')}
                  </td>
                  <td>
                    <select aria-label={`${t('import.field')}: ${header}`} value={draft.mapping[column] ?? ''} onChange={(e) => store.setImportMapping(column, (e.currentTarget.value || null) as never)} data-testid={`import-map-${column}`}>
                      <option value="">{t('import.skip')}</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {t(`field.${field}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!hasName && (
            <p class="problem" role="alert">
              {t('import.needName')}
            </p>
          )}
          <div class="actions">
            <button type="button" class="button primary" disabled={!hasName} onClick={() => void store.runImport()} data-testid="import-run">
              {t('import.run', { count: draft.rows.length })}
            </button>
            <button type="button" class="button" onClick={() => store.resetImport()}>
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}
      {progress && (
        <div role="status" aria-live="polite">
          <progress max={progress.total} value={progress.done} />
          <p>{t('import.progress', { done: progress.done, total: progress.total })}</p>
        </div>
      )}
      {report && <Report report={report} translator={translator} />}
    </section>
  );
}

function describe(note: ImportNote, translator: Translator): string {
  const { t } = translator;
  switch (note.code) {
    case 'never-log':
      return t('import.note.never-log', { domain: note.domain });
    case 'never-log-address':
      return t('import.note.never-log-address', { address: note.address });
    case 'invalid':
      return t('import.note.invalid', { detail: note.detail });
    case 'same-key':
      return t('import.note.same-key', { key: t(KEY_NAMES[note.key.slice(0, note.key.indexOf(':'))] ?? 'field.emails') });
    case 'possible-duplicate':
      return t('import.note.possible-duplicate', { names: note.names.join(', ') });
    case 'bad-email':
      return t('import.note.bad-email', { value: note.value });
    case 'stage-ignored':
      return t('import.note.stage-ignored', { value: note.value, detail: note.detail });
    default:
      return t('import.note.no-name');
  }
}

function Report({ report, translator }: { report: ImportReport; translator: Translator }) {
  const store = useStore();
  const { t } = translator;
  return (
    <div role="status" data-testid="import-report" data-created={report.created} data-merged={report.merged} data-rejected={report.rejected} data-flagged={report.flagged}>
      <h3>{t('import.report')}</h3>
      <ul class="report-counts">
        <li data-testid="import-created">{t('import.created', { count: report.created })}</li>
        <li data-testid="import-merged">{t('import.merged', { count: report.merged })}</li>
        <li data-testid="import-rejected">{t('import.rejected', { count: report.rejected })}</li>
        {report.flagged > 0 && (
          <li>
            <button type="button" class="button link" onClick={() => store.setTab('duplicates')}>
              {t('import.flagged', { count: report.flagged })}
            </button>
          </li>
        )}
      </ul>
      {report.details.length > 0 && (
        <ol class="report-details" data-testid="import-details">
          {report.details.slice(0, DETAILS_SHOWN).map((detail) => (
            <li key={detail.line}>
              <span>{t('import.line', { line: detail.line })}</span> · <span>{t(`import.outcome.${detail.outcome}` as MessageKey)}</span>
              {detail.name && (
                <>
                  {' · '}
                  <bdi>{detail.name}</bdi>
                </>
              )}
              : <span>{detail.notes.map((note) => describe(note, translator)).join('; ')}</span>
            </li>
          ))}
        </ol>
      )}
      <button type="button" class="button" onClick={() => store.resetImport()} data-testid="import-again">
        {t('import.cancel')}
      </button>
    </div>
  );
}

function ExportPanel() {
  const store = useStore();
  const { t } = useTranslator();
  const run = async (format: 'csv' | 'vcard') => {
    const count = await store.exportPeople(format);
    store.notify('info', t('export.done', { count }));
  };
  return (
    <section class="panel" aria-labelledby="export-heading" data-testid="export">
      <h2 id="export-heading">{t('export.heading')}</h2>
      <div class="actions">
        <button type="button" class="button" onClick={() => void run('csv')} data-testid="export-csv">
          {t('export.csv')}
        </button>
        <button type="button" class="button" onClick={() => void run('vcard')} data-testid="export-vcard">
          {t('export.vcard')}
        </button>
      </div>
      <p class="muted">{t('export.hint')}</p>
    </section>
  );
}
