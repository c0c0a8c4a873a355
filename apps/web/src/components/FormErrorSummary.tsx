import { useEffect, useRef, type ComponentRef } from 'react';
import { ErrorSummary } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/errors';
import { sv } from '../text/sv';

/**
 * Every problem at the top of the form, focused when it appears; each link moves focus to its field,
 * where the same text is shown beside it.
 */
export function FormErrorSummary({
  errors,
  heading = sv.errors.summaryHeading,
}: {
  errors: FieldError[];
  heading?: string;
}) {
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  // Focus moves when the problems change, not on every render: a page that maps its errors anew each
  // render would otherwise pull focus out of the field being corrected at each keystroke.
  const shown = errors.map((e) => `${e.id}:${e.message}`).join('\n');
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (!errors.length) return null;
  return (
    <ErrorSummary ref={ref}>
      <ErrorSummary.Heading>{heading}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((e) => (
          <ErrorSummary.Item key={`${e.id}:${e.message}`}>
            {e.id ? (
              <ErrorSummary.Link
                href={`#${e.id}`}
                onClick={(ev) => {
                  const el = document.getElementById(e.id);
                  if (el) {
                    ev.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {e.message}
              </ErrorSummary.Link>
            ) : (
              e.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** The message for one input, or undefined. */
export function errorFor(errors: FieldError[], id: string): string | undefined {
  const found = errors.filter((e) => e.id === id);
  return found.length ? found.map((e) => e.message).join(' ') : undefined;
}
