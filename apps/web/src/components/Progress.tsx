import { Spinner } from '@digdir/designsystemet-react';

/**
 * A long operation under way: a spinner with a text, in a live region that is always in the page so
 * that screen readers announce the text when it appears.
 */
export function Progress({ active, text }: { active: boolean; text: string }) {
  return (
    <div role="status" aria-live="polite" className="progress">
      {active && (
        <>
          <Spinner aria-hidden data-size="sm" /> <span>{text}</span>
        </>
      )}
    </div>
  );
}
