import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatDateTime, formatKronor } from '../../format';
import { submittedRequestsQueryOptions } from '../../features/utbetalning/api';
import { svUtbetalning } from '../../text/sv-utbetalning';
import { sv } from '../../text/sv';

const t = svUtbetalning.handlaggare;

/** Submitted payment requests awaiting verification, oldest first. */
export default function Utbetalningar() {
  usePageTitle(t.title);
  const list = useQuery(submittedRequestsQueryOptions());
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
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
                <Table.HeaderCell>{sv.handlaggare.organisation}</Table.HeaderCell>
                <Table.HeaderCell>{svUtbetalning.sokande.schedule}</Table.HeaderCell>
                <Table.HeaderCell>{t.received}</Table.HeaderCell>
                <Table.HeaderCell className="num">{svUtbetalning.sokande.amountExVat}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <RouterLink to={paths.handlaggare.utbetalning(r.id)}>
                      {t.open(r.diarienummer ?? '–', r.seq)}
                    </RouterLink>
                  </Table.Cell>
                  <Table.Cell>{r.organisationName}</Table.Cell>
                  <Table.Cell>{svUtbetalning.kind[r.kind]}</Table.Cell>
                  <Table.Cell>{formatDateTime(r.submittedAt)}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(r.bookedTotal)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
