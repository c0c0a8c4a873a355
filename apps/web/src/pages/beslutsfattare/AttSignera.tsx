import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  awaitingSignatureQueryOptions,
  returnDecision,
  sign,
  type DecisionListItem,
} from '../../features/beslut/api';
import { toFieldErrors } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { formatKronor } from '../../format';
import { svHandlaggning } from '../../text/sv-handlaggning';
import { sv } from '../../text/sv';

const t = sv.beslutsfattare;
const tr = svHandlaggning.beslutsfattare;

/** What is signed or sent back, shown in the dialog that asks once. */
function Facts({ item }: { item: DecisionListItem }) {
  return (
    <dl className="facts">
      <dt>{sv.handlaggare.diarienummer}</dt>
      <dd>{item.diarienummer}</dd>
      <dt>{sv.handlaggare.organisation}</dt>
      <dd>{item.organisationName}</dd>
      <dt>{sv.handlaggare.outcome}</dt>
      <dd>{sv.decision.outcome[item.outcome] ?? item.outcome}</dd>
      <dt>{sv.handlaggare.decisionAmount}</dt>
      <dd>{formatKronor(item.amount)}</dd>
    </dl>
  );
}

/**
 * Decisions awaiting the decision maker's signature, with the evaluated maximum and frame warnings beside
 * each; signing asks once, showing what is signed; a draft can instead be sent back with a comment.
 */
export default function AttSignera() {
  usePageTitle(t.title);
  const list = useQuery(awaitingSignatureQueryOptions());
  const [toSign, setToSign] = useState<DecisionListItem | null>(null);
  const [toReturn, setToReturn] = useState<DecisionListItem | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const signing = useMutation({
    mutationFn: (item: DecisionListItem) => sign(item.id),
    onSuccess: (_, item) => {
      setToSign(null);
      setDone(t.signed(item.diarienummer ?? ''));
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const returning = useMutation({
    mutationFn: (item: DecisionListItem) => returnDecision(item.id, comment),
    onSuccess: (_, item) => {
      setToReturn(null);
      setDone(tr.returned(item.diarienummer ?? ''));
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const returnErrors = toFieldErrors(returning.error, { comment: tr.comment });
  const items = list.data?.items ?? [];
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {done !== null && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      {list.isLoading && <Loading />}
      {list.isError && <LoadFailed />}
      {list.data && items.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {items.length > 0 && (
        <TableScroll label={t.title}>
          <Table data-size="sm">
            <caption className="visually-hidden">{t.title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{sv.handlaggare.diarienummer}</Table.HeaderCell>
                <Table.HeaderCell>{sv.handlaggare.organisation}</Table.HeaderCell>
                <Table.HeaderCell>{sv.handlaggare.outcome}</Table.HeaderCell>
                <Table.HeaderCell className="num">{sv.handlaggare.decisionAmount}</Table.HeaderCell>
                <Table.HeaderCell className="num">{sv.handlaggare.maximum}</Table.HeaderCell>
                <Table.HeaderCell>{t.frameWarnings}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t.action}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>{item.diarienummer ?? '–'}</Table.Cell>
                  <Table.Cell>{item.organisationName ?? '–'}</Table.Cell>
                  <Table.Cell>{sv.decision.outcome[item.outcome] ?? item.outcome}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(item.amount)}</Table.Cell>
                  <Table.Cell className="num">
                    {formatKronor(item.evaluatedMax)}
                    {item.aboveEvaluatedMax && (
                      <>
                        {' '}
                        <Tag data-color="warning">{tr.aboveMax}</Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {item.frameWarnings.length > 0 ? (
                      <ul className="plain">
                        {item.frameWarnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    ) : (
                      tr.none
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="row">
                      <Button
                        data-size="sm"
                        onClick={() => {
                          signing.reset();
                          setToSign(item);
                        }}
                      >
                        {t.signCase(item.diarienummer ?? '')}
                      </Button>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        onClick={() => {
                          returning.reset();
                          setComment('');
                          setToReturn(item);
                        }}
                      >
                        {tr.returnCase(item.diarienummer ?? '')}
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={toSign !== null}
        title={t.confirmTitle}
        confirmLabel={t.confirm}
        cancelLabel={t.cancel}
        onConfirm={() => toSign && signing.mutate(toSign)}
        onClose={() => setToSign(null)}
        pending={signing.isPending}
        errors={toFieldErrors(signing.error)}
      >
        {toSign && <Facts item={toSign} />}
      </ConfirmDialog>
      <ConfirmDialog
        open={toReturn !== null}
        title={tr.returnTitle}
        confirmLabel={tr.confirmReturn}
        cancelLabel={t.cancel}
        onConfirm={() => toReturn && returning.mutate(toReturn)}
        onClose={() => setToReturn(null)}
        pending={returning.isPending}
        errors={returnErrors}
      >
        {toReturn && (
          <>
            <Facts item={toReturn} />
            <Paragraph>{tr.returnIntro}</Paragraph>
            <Textfield
              id="comment"
              multiline
              rows={4}
              label={tr.comment}
              description={tr.commentHint}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              error={errorFor(returnErrors, 'comment')}
              required
            />
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
