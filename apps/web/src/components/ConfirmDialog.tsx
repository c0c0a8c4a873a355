import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/errors';
import { FormErrorSummary } from './FormErrorSummary';

/**
 * Asks once before a legal or destructive act (signing, authorising, sending back), showing exactly what
 * it applies to. Open while `open` is true; closing (Escape, a click outside, Avbryt) calls `onClose`.
 * The API's answer to a refused act is shown in the dialog, above its buttons.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onClose,
  pending = false,
  errors = [],
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  errors?: FieldError[];
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <Dialog ref={ref} closedby="any" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <div className="stack">
          <Heading level={2} data-size="sm" id={titleId}>
            {title}
          </Heading>
          {children}
          <FormErrorSummary errors={errors} />
          <div className="row">
            <Button onClick={onConfirm} loading={pending}>
              {confirmLabel}
            </Button>
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {cancelLabel}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
