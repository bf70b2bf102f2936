/** The rows a virtual list renders: those in view plus `overscan` on each side, as [first, last). */
export function visibleRange(input: { count: number; rowHeight: number; scrollTop: number; height: number; overscan: number }): { first: number; last: number } {
  const { count, rowHeight, scrollTop, height, overscan } = input;
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + Math.max(height, rowHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, last), last };
}
