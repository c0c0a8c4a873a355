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
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
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
