import { useEffect } from 'react';
import { sv } from '../text/sv';

/** `<title>` as "{sida} – anslag". */
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = sv.app.title(page);
  }, [page]);
}
