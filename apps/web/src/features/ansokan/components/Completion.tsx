import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { answerCompletion, historyQueryOptions } from '../api';
import { Attachments } from './Attachments';
import { toFieldErrors } from '../../../api/errors';
import type { Case } from '../../../api/types';
import { FormErrorSummary, errorFor } from '../../../components/FormErrorSummary';
import { TableScroll } from '../../../components/TableScroll';
import { paths } from '../../../app/paths';
import { formatDate, formatDateTime } from '../../../format';
import { svAnsokan } from '../../../text/sv-ansokan';

const t = svAnsokan.completion;

/**
 * What the officer asked for and the applicant's answer: change the application, add attachments, write
 * to the officer, send it back (the transition lamna_komplettering, with the text as its reason).
 */
export function CompletionAnswer({ c }: { c: Case }) {
  const request = c.openCompletionRequest;
  const [text, setText] = useState('');
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => answerCompletion(c.id, text),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['get'] }),
  });
  const errors = toFieldErrors(send.error, { reason: t.answer });
  if (!request) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const who = request.requestedBy?.displayName ?? '';
  return (
    <section className="stack" aria-labelledby="completion-heading">
      <Heading level={2} data-size="md" id="completion-heading">
        {t.heading}
      </Heading>
      <Alert data-color="warning">
        <Heading level={3} data-size="xs">
          {t.asked}
        </Heading>
        <Paragraph className="pre-line">{request.reason}</Paragraph>
        <Paragraph data-size="sm">
          {who && t.askedBy(who, formatDate(request.requestedAt))} {t.due(formatDate(request.dueDate))}
        </Paragraph>
        {request.overdue && <Paragraph data-size="sm">{t.overdue}</Paragraph>}
      </Alert>
      <Paragraph>{t.steps}</Paragraph>
      <RouterLink to={paths.sokande.ansokan(c.id)}>{t.changeApplication}</RouterLink>
      <Attachments caseId={c.id} track={c.track} aidForm={c.aidForm as string | null} />
      <FormErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate className="stack">
        <Textfield
          id="reason"
          multiline
          rows={5}
          label={t.answer}
          description={t.answerHint}
          value={text}
          maxLength={5000}
          onChange={(e) => setText(e.target.value)}
          error={errorFor(errors, 'reason')}
        />
        <div className="row">
          <Button type="submit" loading={send.isPending}>
            {t.send}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The public history of the case: what has happened, when, and who did it, in people's names. */
export function CaseHistory({ caseId }: { caseId: string }) {
  const history = useQuery(historyQueryOptions(caseId));
  const h = svAnsokan.history;
  const shown = (history.data ?? []).filter((e) => h.action[e.action]);
  if (!shown.length) return null;
  return (
    <section className="stack" aria-labelledby="history-heading">
      <Heading level={2} data-size="md" id="history-heading">
        {h.heading}
      </Heading>
      <TableScroll label={h.heading}>
        <Table>
          <caption className="visually-hidden">{h.heading}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{h.when}</Table.HeaderCell>
              <Table.HeaderCell>{h.what}</Table.HeaderCell>
              <Table.HeaderCell>{h.who}</Table.HeaderCell>
              <Table.HeaderCell>{h.message}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                <Table.Cell>{h.action[e.action]}</Table.Cell>
                <Table.Cell>{e.actorPerson?.displayName ?? e.actor}</Table.Cell>
                <Table.Cell className="pre-line">{e.reason ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
