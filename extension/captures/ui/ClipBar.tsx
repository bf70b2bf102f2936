import { Component } from 'preact';
import { browser } from '#imports';
import { sendMessage } from '../../messaging';
import type { KnownPerson } from '../../store/find-known';
import type { Capture } from '../../../shared/capture/capture';
import type { PersonLike } from '../../../shared/identity/person-keys';
import { saveLabel } from './known-queries';

type State =
  | { kind: 'checking' }
  | { kind: 'new' }
  | { kind: 'known'; people: KnownPerson[]; asked: number }
  | { kind: 'saving' }
  | { kind: 'saved'; created: boolean; message: string; link?: string }
  | { kind: 'error'; message: string };

/** The side panel's record page for a person or organisation (the side panel routes on the hash). */
export const recordLink = (entity: 'person' | 'organisation', id: string) => `${browser.runtime.getURL('/sidepanel.html' as '/')}#/${entity}/${encodeURIComponent(id)}`;

/**
 * The in-page bar: says who on the page is already in Clipsheet (by the domain core's identity match), links
 * to their record, and saves the page's capture in one click. It re-extracts at click time, so content that
 * arrived after the bar appeared is included.
 */
// A class component: preact/hooks would add 2.4 KB to every LinkedIn and Gmail page (budget: 50 KB).
/** The bar's inputs: the capture when the bar appeared, how to take it again, who to look up, the button's word. */
export interface ClipBarProps {
  initial: Capture;
  capture: () => Capture;
  queries: PersonLike[];
  label?: string;
}

export class ClipBar extends Component<ClipBarProps, { state: State }> {
  override state = { state: { kind: 'checking' } as State };


  override componentDidMount() {
    const { queries } = this.props;
    if (queries.length === 0) return this.set({ kind: 'new' });
    sendMessage('find-known', { people: queries })
      .then((found) => {
        const people = found.filter((p): p is KnownPerson => !!p);
        this.set(people.length ? { kind: 'known', people, asked: queries.length } : { kind: 'new' });
      })
      .catch(() => this.set({ kind: 'new' }));
  }

  private set(state: State) {
    this.setState({ state });
  }

  private save = async () => {
    this.set({ kind: 'saving' });
    try {
      const now = this.props.capture();
      if (now.kind === 'person') {
        const { personId, created } = await sendMessage('save-person', { capture: now });
        this.set({ kind: 'saved', created, message: created ? 'Saved to Clipsheet' : 'Updated in Clipsheet', link: recordLink('person', personId) });
      } else {
        const summary = await sendMessage('save-capture', { capture: now });
        this.set({ kind: 'saved', created: summary.created > 0, message: summary.message, link: summary.first && recordLink(summary.first.entity, summary.first.id) });
      }
    } catch (error) {
      this.set({ kind: 'error', message: (error as Error).message });
    }
  };

  override render() {
    const { state } = this.state;
    const { save } = this;
    const initial = this.props.initial;
    const label = state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? (state.created ? 'Saved to Clipsheet' : 'Updated in Clipsheet') : state.kind === 'known' ? 'Update in Clipsheet' : (this.props.label ?? saveLabel(initial));
    return (
      <div class="clipsheet-bar" role="region" aria-label="Clipsheet">
        {state.kind === 'known' && (
          <span class="clipsheet-note" data-testid="clipsheet-known">
            <a href={recordLink('person', state.people[0]!.personId)} target="_blank" rel="noopener" data-testid="clipsheet-link">
              {state.people[0]!.fullName}
            </a>{' '}
            {state.asked > 1 ? `and ${state.people.length - 1} more of ${state.asked} in Clipsheet` : 'in Clipsheet'} · {state.people[0]!.stage}
            {state.people[0]!.match === 'possible' ? ' (possible match)' : ''}
          </span>
        )}
        {state.kind === 'saved' && (
          <span class="clipsheet-note" data-testid="clipsheet-result">
            {state.link ? <a href={state.link} target="_blank" rel="noopener">{state.message}</a> : state.message}
          </span>
        )}
        {state.kind === 'error' && <span class="clipsheet-error" role="alert">{state.message}</span>}
        <button type="button" data-testid="clipsheet-save" data-state={state.kind} disabled={state.kind === 'saving' || state.kind === 'checking'} onClick={save}>
          {label}
        </button>
      </div>
    );
  }
}
