import './SearchView.css';
import { useEffect, useRef } from 'preact/hooks';
import { useTranslator } from '../i18n/i18n';
import { VirtualList } from './VirtualList';
import { useStore, useWorkspace } from './workspace-store';

const ROW_HEIGHT = 52;
const optionId = (id: string) => `person-option-${id}`;

/** Search-as-you-type over every contact, results in a virtual list; arrows move, Enter opens. */
export function SearchView() {
  const store = useStore();
  const { t, term } = useTranslator();
  const query = useWorkspace((s) => s.query);
  const results = useWorkspace((s) => s.results);
  const resultsFor = useWorkspace((s) => s.resultsFor);
  const activeIndex = useWorkspace((s) => s.activeIndex);
  const noteHits = useWorkspace((s) => s.noteHits);
  const total = useWorkspace((s) => s.total);
  const ready = useWorkspace((s) => s.ready);
  const notesReady = useWorkspace((s) => s.notesReady);
  useWorkspace((s) => s.rowsVersion); // re-render when fetched rows arrive
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    const page = 8;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) {
      event.preventDefault();
      store.moveActive(moves[event.key]!);
    } else if (event.key === 'Home' && event.currentTarget !== input.current) {
      event.preventDefault();
      store.setActive(0);
    } else if (event.key === 'End' && event.currentTarget !== input.current) {
      event.preventDefault();
      store.setActive(results.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      store.openActive();
    }
  };

  const activeId = results[activeIndex];
  return (
    <section class="search" aria-label={t('search.results')} data-notes-ready={notesReady ? 'true' : 'false'}>
      <div class="search-bar">
        <label class="visually-hidden" for="search-input">
          {t('search.label')}
        </label>
        <input
          ref={input}
          id="search-input"
          type="search"
          role="combobox"
          list={undefined}
          aria-expanded="true"
          aria-controls="search-results"
          aria-autocomplete="list"
          aria-activedescendant={activeId ? optionId(activeId) : undefined}
          autoComplete="off"
          spellcheck={false}
          placeholder={t('search.placeholder')}
          value={query}
          onInput={(event) => void store.search(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        <button type="button" class="button" onClick={() => store.startCreating()} data-testid="new-person">
          {t('search.new')}
        </button>
      </div>
      <p class="search-status" aria-live="polite" data-testid="search-status">
        {!ready ? t('common.loading') : results.length === 0 ? (resultsFor ? t('search.none', { query: resultsFor }) : total === 0 ? t('search.empty') : '') : t('search.count', { count: results.length })}
      </p>
      <VirtualList
        id="search-results"
        label={t('search.results')}
        ids={results}
        rowHeight={ROW_HEIGHT}
        activeIndex={activeIndex}
        optionId={optionId}
        onVisible={(ids) => void store.ensureRows(ids)}
        onKeyDown={onKeyDown}
        testId="search-results"
        dataQuery={resultsFor}
        renderRow={(id, index, active) => {
          const person = store.row(id);
          return (
            <div class="search-row" data-active={active} data-person-id={id} data-testid="search-row" onClick={() => (store.setActive(index), void store.openPerson(id))}>
              <span class="search-row-name">{person?.fullName ?? '…'}</span>
              <span class="search-row-meta">
                {person && <span class="chip">{term('stage', person.stage)}</span>}
                {[person?.title, person?.company].filter(Boolean).join(' · ')}
                {noteHits.has(id) && <em> · {t('search.fromNotes')}</em>}
              </span>
            </div>
          );
        }}
      />
    </section>
  );
}
