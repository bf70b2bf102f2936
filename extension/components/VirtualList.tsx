import './VirtualList.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { visibleRange } from './visible-range';

export interface VirtualListProps {
  id: string;
  label: string;
  ids: readonly string[];
  rowHeight: number;
  activeIndex: number;
  /** The DOM id of a row, for aria-activedescendant. */
  optionId: (id: string) => string;
  renderRow: (id: string, index: number, active: boolean) => ComponentChildren;
  /** Called with the ids on screen (plus overscan), so their records can be fetched. */
  onVisible: (ids: string[]) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  testId?: string;
  /** Extra attributes for tests and benchmarks (which query these rows answer). */
  dataQuery?: string;
}

/**
 * A listbox that renders only the rows in view, so 100,000 contacts scroll like 20. Rows have a fixed height;
 * the active row (keyboard) is kept in view and named by aria-activedescendant.
 */
export function VirtualList(props: VirtualListProps) {
  const { ids, rowHeight, activeIndex } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || 600);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new list starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [ids]);

  // Keep the keyboard's row in view.
  useEffect(() => {
    const element = scroller.current;
    if (!element || ids.length === 0) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }, [activeIndex, rowHeight, ids]);

  const { first, last } = visibleRange({ count: ids.length, rowHeight, scrollTop, height, overscan: 6 });
  const visible = ids.slice(first, last);
  useEffect(() => props.onVisible(visible), [visible.join(' ')]);

  return (
    <div
      ref={scroller}
      id={props.id}
      class="virtual-list"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={ids[activeIndex] ? props.optionId(ids[activeIndex]!) : undefined}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={props.onKeyDown}
      data-testid={props.testId}
      data-count={ids.length}
      data-query={props.dataQuery}
    >
      <div class="virtual-list-spacer" style={{ blockSize: `${ids.length * rowHeight}px` }}>
        {visible.map((id, offset) => {
          const index = first + offset;
          return (
            <div
              key={id}
              id={props.optionId(id)}
              role="option"
              class="virtual-list-row"
              aria-selected={index === activeIndex}
              aria-posinset={index + 1}
              aria-setsize={ids.length}
              style={{ insetBlockStart: `${index * rowHeight}px`, blockSize: `${rowHeight}px` }}
            >
              {props.renderRow(id, index, index === activeIndex)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
