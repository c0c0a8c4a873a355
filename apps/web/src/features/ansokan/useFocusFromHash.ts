import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * A change link from "Kontrollera dina svar" (`…#plannedStart`) lands on the answer itself: once the form
 * is shown, the field the address names gets the focus and is scrolled into view.
 */
export function useFocusFromHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (!el) return;
      el.focus();
      el.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [hash]);
}
