import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { caseQueryOptions } from '../../features/ansokan/api';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { sv } from '../../text/sv';

/** The confirmation page: the diarienummer in large type and what happens next. */
export default function Kvitto() {
  const { id = '' } = useParams();
  usePageTitle(sv.sokande.receiptTitle);
  const given = (useLocation().state as { diarienummer?: string } | null)?.diarienummer;
  const c = useQuery({ ...caseQueryOptions(id), enabled: !given });
  const diarienummer = given ?? (c.data?.diarienummer as string | null | undefined);
  if (!given && c.isLoading) return <Loading />;
  if (!given && (c.isError || !c.data)) return <LoadFailed />;
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {sv.sokande.receiptTitle}
      </Heading>
      <div className="ds-card" data-color="success">
        <Paragraph>{sv.sokande.receiptDiarienummer}</Paragraph>
        <p className="big-number">{diarienummer ?? ''}</p>
      </div>
      <Paragraph>{sv.sokande.receiptNext}</Paragraph>
      <RouterLink to={paths.sokande.arenden}>{sv.nav.minaArenden}</RouterLink>
    </div>
  );
}
