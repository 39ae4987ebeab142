import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import type { Tone } from './stat-tile';

interface FitListProps<T> {
  label: string;
  /** Worst first: what does not fit is the least urgent. */
  items: readonly T[];
  itemKey: (item: T) => string;
  render: (item: T) => ReactNode;
  tone?: (item: T) => Tone;
}

/**
 * A list cut to the rows its slot holds, ending with "and N more": on a wall nobody scrolls, so
 * what is shown must fit, and what is left out must be counted. Rows are one line each.
 */
export function FitList<T>({ label, items, itemKey, render, tone }: FitListProps<T>) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const [fit, setFit] = useState(items.length);

  useLayoutEffect(() => {
    const element = list.current!;
    const measure = () => {
      const row = element.firstElementChild;
      if (!row) return;
      const gap = parseFloat(getComputedStyle(element).rowGap) || 0;
      const rows = Math.floor((element.clientHeight + gap) / (row.getBoundingClientRect().height + gap));
      setFit(rows >= items.length ? items.length : Math.max(0, rows - 1));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [items.length]);

  return (
    <ul ref={list} className="fit-list" aria-label={label}>
      {items.slice(0, fit).map((item) => (
        <li key={itemKey(item)} className={`fit-list__item fit-list__item--${tone?.(item) ?? 'neutral'}`}>
          {render(item)}
        </li>
      ))}
      {fit < items.length && (
        <li className="fit-list__item fit-list__more">{t('list.more', { count: items.length - fit })}</li>
      )}
    </ul>
  );
}
