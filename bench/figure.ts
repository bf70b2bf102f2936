/** One measured figure, as bench/results.json records it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target the issue names, in words (e.g. "< 2000 ms"); never asserted, only reported. */
  target?: string;
  /** Whether the figure meets the target, where a target is given. */
  meets?: boolean;
  note?: string;
}

/** A benchmark file's default export. */
export type Benchmark = () => Promise<Figure[]>;

/** Milliseconds taken by `work`, measured with the monotonic clock. */
export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
