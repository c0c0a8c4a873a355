import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { awaitingSignatureQueryOptions, sign, type AwaitingSignature } from '../../features/beslut/api';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { formatKronor } from '../../format';
import { sv } from '../../text/sv';

const t = sv.beslutsfattare;

/** Decisions awaiting the decision maker's signature; signing asks once, showing what is signed. */
export default function AttSignera() {
  usePageTitle(t.title);
  const list = useQuery(awaitingSignatureQueryOptions());
  const [chosen, setChosen] = useState<AwaitingSignature | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const signing = useMutation({
    mutationFn: (id: string) => sign(id),
    onSuccess: () => {
      dialog.current?.close();
      setDone(chosen ? String(chosen.case.diarienummer ?? '') : '');
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const open = (item: AwaitingSignature) => {
    signing.reset();
    setChosen(item);
    dialog.current?.showModal();
  };
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {done !== null && (
        <Alert data-color="success" role="status">
          {t.signed(done)}
        </Alert>
      )}
      {list.isLoading && <Loading />}
      {list.isError && <LoadFailed />}
      {list.data && list.data.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <div className="table-scroll">
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
              {list.data.map((item) => (
                <Table.Row key={item.decision.id}>
                  <Table.Cell>{item.case.diarienummer ?? '–'}</Table.Cell>
                  <Table.Cell>{item.case.organisationName ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {sv.decision.outcome[item.decision.outcome] ?? item.decision.outcome}
                  </Table.Cell>
                  <Table.Cell className="num">
                    {formatKronor(item.decision.amount as number | null)}
                  </Table.Cell>
                  <Table.Cell className="num">
                    {formatKronor(item.decision.evaluatedMax as number | null)}
                  </Table.Cell>
                  <Table.Cell>{item.decision.frameWarnings?.join(' ') || '–'}</Table.Cell>
                  <Table.Cell>
                    <Button data-size="sm" onClick={() => open(item)}>
                      {t.signCase(String(item.case.diarienummer ?? ''))}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Dialog ref={dialog} closedby="any" aria-labelledby="sign-title" onClose={() => setChosen(null)}>
        {chosen && (
          <div className="stack">
            <Heading level={2} data-size="sm" id="sign-title">
              {t.confirmTitle}
            </Heading>
            <dl className="facts">
              <dt>{sv.handlaggare.diarienummer}</dt>
              <dd>{chosen.case.diarienummer}</dd>
              <dt>{sv.handlaggare.organisation}</dt>
              <dd>{chosen.case.organisationName}</dd>
              <dt>{sv.handlaggare.outcome}</dt>
              <dd>{sv.decision.outcome[chosen.decision.outcome] ?? chosen.decision.outcome}</dd>
              <dt>{sv.handlaggare.decisionAmount}</dt>
              <dd>{formatKronor(chosen.decision.amount as number | null)}</dd>
            </dl>
            <FormErrorSummary errors={toFieldErrors(signing.error)} />
            <div className="row">
              <Button onClick={() => signing.mutate(chosen.decision.id)} loading={signing.isPending}>
                {t.confirm}
              </Button>
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {t.cancel}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
