import { useLayoutEffect, useRef } from 'react';

/** Fields that use Escape themselves (a search box clears, a suggestion list closes). */
const OWNS_ESCAPE = 'input, textarea, select';

/**
 * For a details panel opened from a control (a table row, a list entry, the map): Escape inside it
 * closes it, and when it closes with the focus inside it (Escape, its Close button), the focus goes
 * back to the control that opened it instead of falling to the top of the page. `subject` names
 * what the panel shows: choosing another subject makes its control the one to go back to.
 */
export function useDetailsClose<T extends HTMLElement>(onClose: () => void, subject: string) {
  const panel = useRef<T>(null);
  const opener = useRef<Element | null>(null);
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  // The control that opened the panel, or chose what it shows, still has the focus.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active && !panel.current?.contains(active)) opener.current = active;
  }, [subject]);

  useLayoutEffect(() => {
    const node = panel.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || (event.target as Element).closest(OWNS_ESCAPE)) return;
      event.stopPropagation();
      close.current();
    };
    node?.addEventListener('keydown', onKey);
    return () => {
      node?.removeEventListener('keydown', onKey);
      // Runs before the panel leaves the page, while one of its controls still has the focus.
      const to = opener.current;
      if (
        node?.contains(document.activeElement) &&
        to instanceof HTMLElement &&
        to !== document.body &&
        to.isConnected &&
        !node.contains(to)
      )
        to.focus();
    };
  }, []);

  return panel;
}
