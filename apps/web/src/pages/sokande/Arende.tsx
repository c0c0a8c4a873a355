import { useQuery, useMutation } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { caseQueryOptions } from '../../features/ansokan/api';
import { CaseHistory, CompletionAnswer } from '../../features/ansokan/components/Completion';
import { caseDecisionsQueryOptions, downloadLetter } from '../../features/arende/api';
import { StatusTag } from '../../components/StatusTag';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatDate, formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { svUtbetalning } from '../../text/sv-utbetalning';
import { svAnsokan } from '../../text/sv-ansokan';

/** The applicant's case: the state in one sentence and the one thing to do now. */
export default function Arende() {
  const { id = '' } = useParams();
  const c = useQuery(caseQueryOptions(id));
  usePageTitle(
    c.data ? `${sv.sokande.caseTitle} ${String(c.data.diarienummer ?? '')}` : sv.sokande.caseTitle,
  );
  const decided = c.data?.status === 'beslutad';
  const decisions = useQuery({ ...caseDecisionsQueryOptions(id), enabled: decided });
  const signed = decisions.data?.find((d) => d.status === 'signerat');
  const download = useMutation({
    mutationFn: () => downloadLetter(signed!.id, `beslut-${String(c.data?.diarienummer ?? id)}.pdf`),
  });
  if (c.isLoading) return <Loading />;
  if (c.isError || !c.data) return <LoadFailed />;
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {c.data.title}
      </Heading>
      <dl className="facts">
        <dt>{sv.handlaggare.diarienummer}</dt>
        <dd>{String(c.data.diarienummer ?? '–')}</dd>
        <dt>{sv.handlaggare.status}</dt>
        <dd>
          <StatusTag status={c.data.status} />
        </dd>
        <dt>{sv.handlaggare.amountApplied}</dt>
        <dd>{formatKronor(c.data.amountApplied as number | null)}</dd>
        <dt>{sv.handlaggare.registered}</dt>
        <dd>{formatDate(c.data.registrationDate as string | null)}</dd>
      </dl>
      <Paragraph>{sv.sokande.stateSentence[c.data.status] ?? ''}</Paragraph>
      {c.data.status === 'utkast' && (
        <RouterLink to={paths.sokande.ansokan(id)}>{sv.sokande.continueDraft}</RouterLink>
      )}
      {c.data.status === 'komplettering_begard' && <CompletionAnswer c={c.data} />}
      {c.data.status === 'komplettering_inkommen' && (
        <Alert data-color="success">{svAnsokan.completion.sent}</Alert>
      )}
      {signed && (
        <div className="stack">
          <Paragraph>
            {sv.handlaggare.outcome}: {sv.decision.outcome[signed.outcome] ?? signed.outcome}
            {signed.amount !== null ? `, ${formatKronor(signed.amount as number)}` : ''}
          </Paragraph>
          <Button onClick={() => download.mutate()} loading={download.isPending}>
            {sv.sokande.downloadLetter}
          </Button>
          {signed.outcome !== 'avslag' && (
            <RouterLink to={paths.sokande.utbetalning(id)}>{svUtbetalning.sokande.link}</RouterLink>
          )}
          {download.isError && <Alert data-color="danger">{sv.app.loadFailed}</Alert>}
        </div>
      )}
      <CaseHistory caseId={id} />
    </div>
  );
}
