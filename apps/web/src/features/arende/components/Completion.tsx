import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { toFieldErrors } from '../../../api/errors';
import type { Case } from '../../../api/types';
import { FormErrorSummary, errorFor } from '../../../components/FormErrorSummary';
import { TableScroll } from '../../../components/TableScroll';
import { formatDate, formatDateTime } from '../../../format';
import { svHandlaggning } from '../../../text/sv-handlaggning';
import { requestCompletion } from '../api';

const t = svHandlaggning.completion;

/**
 * Komplettering: the open request with its due date, the form that asks for one (what is missing), and the
 * requests made before. The due date is set by the API from the region's days.
 */
export function Completion({ c }: { c: Case }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const ask = useMutation({
    mutationFn: () => requestCompletion(c.id, reason),
    onSuccess: () => {
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const errors = toFieldErrors(ask.error, { reason: t.missing });
  const open = c.openCompletionRequest;
  const canAsk = c.status === 'under_handlaggning' || c.status === 'komplettering_inkommen';
  const requests = c.completionRequests ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  if (!open && !canAsk && requests.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="komplettering">
      <Heading level={2} data-size="md" id="komplettering">
        {t.heading}
      </Heading>
      {open && (
        <Alert data-color={open.overdue ? 'warning' : 'info'}>
          <Paragraph>
            {open.overdue ? t.overdueOpen(formatDate(open.dueDate)) : t.open(formatDate(open.dueDate))}
          </Paragraph>
          <Paragraph>
            {t.what}: {open.reason}
          </Paragraph>
        </Alert>
      )}
      {ask.isSuccess && (
        <Paragraph role="status" data-size="sm">
          {t.sent}
        </Paragraph>
      )}
      {canAsk && (
        <form onSubmit={submit} noValidate className="stack narrow">
          <FormErrorSummary errors={errors} />
          <Paragraph data-size="sm">{t.requestHint}</Paragraph>
          <Textfield
            id="reason"
            multiline
            rows={3}
            label={t.missing}
            description={t.missingHint}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errorFor(errors, 'reason')}
          />
          <div>
            <Button type="submit" variant="secondary" loading={ask.isPending}>
              {t.send}
            </Button>
          </div>
        </form>
      )}
      {requests.length > 0 && (
        <TableScroll label={t.history}>
          <Table data-size="sm">
            <caption>{t.history}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.requested}</Table.HeaderCell>
                <Table.HeaderCell>{t.what}</Table.HeaderCell>
                <Table.HeaderCell>{t.due}</Table.HeaderCell>
                <Table.HeaderCell>{t.answered}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {requests.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    {formatDateTime(r.requestedAt)}
                    {r.requestedBy ? `, ${r.requestedBy.displayName}` : ''}
                  </Table.Cell>
                  <Table.Cell>{r.reason}</Table.Cell>
                  <Table.Cell>{formatDate(r.dueDate)}</Table.Cell>
                  <Table.Cell>
                    {r.answeredAt ? (
                      formatDateTime(r.answeredAt)
                    ) : r.overdue ? (
                      <Tag data-color="warning">{t.overdue}</Tag>
                    ) : (
                      t.notAnswered
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
