import './SearchView.css';
import { useEffect, useRef } from 'preact/hooks';
import { useTranslator } from '../i18n/i18n';
import { VirtualList } from './VirtualList';
import { useStore, useWorkspace } from './workspace-store';

const ROW_HEIGHT = 52;
const optionId = (id: string) => `person-option-${id}`;
const organisationOptionId = (id: string) => `organisation-option-${id}`;

/**
 * Search-as-you-type over every contact and organisation: the organisations found (a few) above the people (a
 * virtual list); arrows move through both as one list, Enter opens the record.
 */
export function SearchView() {
  const store = useStore();
  const { t, term } = useTranslator();
  const query = useWorkspace((s) => s.query);
  const results = useWorkspace((s) => s.results);
  const resultsFor = useWorkspace((s) => s.resultsFor);
  const activeIndex = useWorkspace((s) => s.activeIndex);
  const noteHits = useWorkspace((s) => s.noteHits);
  const organisations = useWorkspace((s) => s.organisationResults);
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
      store.setActive(organisations.length + results.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      store.openActive();
    }
  };

  const activeOrganisation = organisations[activeIndex];
  const activePerson = results[activeIndex - organisations.length];
  const activeId = activeOrganisation ? organisationOptionId(activeOrganisation.id) : activePerson ? optionId(activePerson) : undefined;
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
          aria-controls={organisations.length ? 'search-organisations search-results' : 'search-results'}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
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
      {organisations.length > 0 && (
        <div id="search-organisations" class="search-organisations" role="listbox" aria-label={t('search.organisations')} data-testid="search-organisations" data-query={resultsFor}>
          {organisations.map((organisation, index) => (
            <div
              key={organisation.id}
              id={organisationOptionId(organisation.id)}
              role="option"
              aria-selected={index === activeIndex}
              class="search-row search-organisation"
              data-active={index === activeIndex}
              data-organisation-id={organisation.id}
              data-testid="search-organisation"
              onClick={() => (store.setActive(index), void store.openOrganisation(organisation.id))}
            >
              <span class="search-row-name">{organisation.name}</span>
              <span class="search-row-meta">
                <span class="chip">{t('organisation.kind')}</span>
                {organisation.domain && <bdi> {organisation.domain}</bdi>}
              </span>
            </div>
          ))}
        </div>
      )}
      <VirtualList
        id="search-results"
        label={t('search.results')}
        ids={results}
        rowHeight={ROW_HEIGHT}
        activeIndex={activeIndex - organisations.length}
        optionId={optionId}
        onVisible={(ids) => void store.ensureRows(ids)}
        onKeyDown={onKeyDown}
        testId="search-results"
        dataQuery={resultsFor}
        renderRow={(id, index, active) => {
          const person = store.row(id);
          return (
            <div class="search-row" data-active={active} data-person-id={id} data-testid="search-row" onClick={() => (store.setActive(organisations.length + index), void store.openPerson(id))}>
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
