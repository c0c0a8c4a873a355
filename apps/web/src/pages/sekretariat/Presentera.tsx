import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { presentReport, type Presentation, type ReportFilter } from '../../features/rapport/api';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { svSekretariat } from '../../text/sv-sekretariat';

const t = svSekretariat.present;

/**
 * Marks the report shown as presented to a nämnd meeting: asks once, showing the period and point that
 * will be stamped, with the meeting's date and paragraph.
 */
export function Presentera({ filter, unreported }: { filter: ReportFilter; unreported: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState({ meetingDate: '', paragraph: '' });
  const [done, setDone] = useState<Presentation | null>(null);
  const queryClient = useQueryClient();
  const present = useMutation({
    mutationFn: () =>
      presentReport({
        from: filter.from,
        to: filter.to,
        point: filter.point || undefined,
        meetingDate: form.meetingDate,
        paragraph: form.paragraph,
      }),
    onSuccess: (p) => {
      dialog.current?.close();
      setDone(p);
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  // The same array while the error is the same, so the summary takes focus once per failure.
  const errors = useMemo(
    () =>
      toFieldErrors(present.error, {
        meetingDate: t.meetingDate,
        paragraph: t.paragraph,
        from: t.period,
        to: t.period,
        point: t.point,
      }),
    [present.error],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    present.mutate();
  };
  return (
    <>
      {done && (
        <Alert data-color="success" role="status">
          {t.done(done.decisionCount, done.meetingDate, done.paragraph)}
        </Alert>
      )}
      <div>
        <Button
          variant="primary"
          onClick={() => {
            present.reset();
            setDone(null);
            dialog.current?.showModal();
          }}
        >
          {t.open}
        </Button>
      </div>
      <Dialog ref={dialog} closedby="any" aria-labelledby="present-title">
        <form onSubmit={submit} noValidate className="stack">
          <Heading level={2} data-size="sm" id="present-title">
            {t.title}
          </Heading>
          <Paragraph>{t.intro}</Paragraph>
          <dl className="facts">
            <dt>{t.period}</dt>
            <dd>
              {filter.from} – {filter.to}
            </dd>
            <dt>{t.point}</dt>
            <dd>{filter.point || t.allPoints}</dd>
            <dt>{t.stamped}</dt>
            <dd>{unreported}</dd>
          </dl>
          <FormErrorSummary errors={errors} />
          <Textfield
            id="meetingDate"
            label={t.meetingDate}
            description={t.meetingDateHint}
            inputMode="numeric"
            value={form.meetingDate}
            onChange={(e) => setForm({ ...form, meetingDate: e.target.value })}
            error={errorFor(errors, 'meetingDate')}
          />
          <Textfield
            id="paragraph"
            label={t.paragraph}
            description={t.paragraphHint}
            value={form.paragraph}
            onChange={(e) => setForm({ ...form, paragraph: e.target.value })}
            error={errorFor(errors, 'paragraph')}
          />
          <div className="row">
            <Button type="submit" loading={present.isPending}>
              {t.confirm}
            </Button>
            <Button variant="secondary" type="button" onClick={() => dialog.current?.close()}>
              {t.cancel}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
