import type { ComponentChildren } from 'preact';

/** What a record view shows before its record is read, or when it is gone: the way back and one line. */
export function RecordPlaceholder({ back, message, busy = false }: { back: ComponentChildren; message: string; busy?: boolean }) {
  return (
    <div class="person-view" aria-busy={busy || undefined}>
      {back}
      <p class="panel">{message}</p>
    </div>
  );
}
