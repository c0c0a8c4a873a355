import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { toFieldErrors } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { formatKronor } from '../../format';
import { authorisePayment, proposedPaymentsQueryOptions, type Payment } from '../../features/utbetalning/api';
import { svUtbetalning } from '../../text/sv-utbetalning';
import { sv } from '../../text/sv';

const t = svUtbetalning.beslutsfattare;

/** Proposed payments and advances awaiting authorisation (attest); authorising asks once. */
export default function Attestera() {
  usePageTitle(t.title);
  const list = useQuery(proposedPaymentsQueryOptions());
  const [chosen, setChosen] = useState<Payment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const authorise = useMutation({
    mutationFn: (p: Payment) => authorisePayment(p.id),
    onSuccess: (_, p) => {
      setChosen(null);
      setDone(p.diarienummer ?? '');
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const open = (p: Payment) => {
    authorise.reset();
    setChosen(p);
  };
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {done !== null && (
        <Alert data-color="success" role="status">
          {t.done(done)}
        </Alert>
      )}
      {list.isLoading && <Loading />}
      {list.isError && <LoadFailed />}
      {list.data && list.data.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <TableScroll label={t.title}>
          <Table data-size="sm">
            <caption className="visually-hidden">{t.title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{sv.handlaggare.diarienummer}</Table.HeaderCell>
                <Table.HeaderCell>{t.payee}</Table.HeaderCell>
                <Table.HeaderCell>{svUtbetalning.sokande.schedule}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.net}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{sv.beslutsfattare.action}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.diarienummer ?? '–'}</Table.Cell>
                  <Table.Cell>{p.payeeName}</Table.Cell>
                  <Table.Cell>{p.kind === 'forskott' ? 'Förskott' : 'Utbetalning'}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(p.net)}</Table.Cell>
                  <Table.Cell>
                    <Button data-size="sm" onClick={() => open(p)}>
                      {t.authorise(p.diarienummer ?? '')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={chosen !== null}
        title={t.confirmTitle}
        confirmLabel={t.confirm}
        cancelLabel={t.cancel}
        onConfirm={() => chosen && authorise.mutate(chosen)}
        onClose={() => setChosen(null)}
        pending={authorise.isPending}
        errors={toFieldErrors(authorise.error)}
      >
        {chosen && (
          <dl className="facts">
            <dt>{sv.handlaggare.diarienummer}</dt>
            <dd>{chosen.diarienummer}</dd>
            <dt>{t.payee}</dt>
            <dd>{chosen.payeeName}</dd>
            <dt>{t.net}</dt>
            <dd>{formatKronor(chosen.net)}</dd>
          </dl>
        )}
      </ConfirmDialog>
    </div>
  );
}
