import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Heading } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/errors';
import { FormErrorSummary } from './FormErrorSummary';

/** What a page keeps about its form dialog: what is open in it, and the sentence saying what was saved. */
export interface FormDialogState<T> {
  /** What the dialog shows now (the thing being changed), or null while it is closed. */
  value: T | null;
  /** The sentence shown on the page after the last save, until the dialog opens again. */
  done: string | null;
  open(value: T): void;
  /** Closes the dialog as Escape or Avbryt would; focus goes back to what opened it. */
  close(): void;
  /** Closes the dialog after a save and says on the page what was saved. */
  finish(done: string): void;
  /** The dialog element's ref and what its closing (by any means) does. */
  dialog: { ref: RefObject<HTMLDialogElement | null>; onClose: () => void };
}

export function useFormDialog<T>(): FormDialogState<T> {
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState<T | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    value,
    done,
    dialog: { ref, onClose: () => setValue(null) },
    open: (v) => {
      setDone(null);
      setValue(v);
      ref.current?.showModal();
    },
    close: () => ref.current?.close(),
    finish: (message) => {
      ref.current?.close();
      setDone(message);
    },
  };
}

/**
 * A modal dialog in which a page adds or changes one thing at a time (closed with Escape, a click outside
 * or the form's own buttons). The dialog is named by the heading
 * with `titleId`; its content is rendered only while something is open in it.
 */
export function FormDialog<T>({
  state,
  titleId,
  children,
}: {
  state: FormDialogState<T>;
  titleId: string;
  children: (value: T) => ReactNode;
}) {
  return (
    <Dialog {...state.dialog} closedby="any" aria-labelledby={titleId}>
      {state.value !== null && children(state.value)}
    </Dialog>
  );
}

/**
 * The form inside a form dialog: its heading (naming the dialog), anything to say first, the API's
 * problems, the fields, and the buttons that save and cancel.
 */
export function DialogForm({
  titleId,
  title,
  intro,
  errors,
  save,
  submitLabel,
  cancelLabel,
  onCancel,
  children,
}: {
  titleId: string;
  title: string;
  intro?: ReactNode;
  errors: FieldError[];
  save: { mutate: () => void; isPending: boolean };
  submitLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      <Heading level={2} data-size="sm" id={titleId}>
        {title}
      </Heading>
      {intro}
      <FormErrorSummary errors={errors} />
      {children}
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </form>
  );
}

/** The sentence that says what the last save did, announced when it appears. */
export function Saved({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert data-color="success" role="status">
      {text}
    </Alert>
  );
}

/** A save through the API that refreshes every query once it succeeded, then hands on what was saved. */
export function useSave<T>(save: () => Promise<T>, onSaved: (saved: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['get'] });
      onSaved(saved);
    },
  });
}
