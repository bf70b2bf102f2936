/**
 * Counts Apps Script service calls. In Apps Script each call to a service costs a round trip (tens of
 * milliseconds), so the number of calls a request makes is its real cost; tests and benchmarks budget it.
 */
export class CallCounter {
  private counts = new Map<string, number>();
  private paused = false;
  /** Checks each call the script makes before it runs (OAuth scopes, what a context may call); throws to refuse. */
  gate?: (name: string) => void;

  count(name: string): void {
    if (this.paused) return;
    this.gate?.(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Runs `work` (the emulator's own bookkeeping, not the script's) without counting its calls. */
  uncounted<T>(work: () => T): T {
    this.paused = true;
    try {
      return work();
    } finally {
      this.paused = false;
    }
  }

  /** Total calls, or calls whose name starts with `prefix` (e.g. `SpreadsheetApp.`). */
  total(prefix = ''): number {
    let sum = 0;
    for (const [name, n] of this.counts) if (name.startsWith(prefix)) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
