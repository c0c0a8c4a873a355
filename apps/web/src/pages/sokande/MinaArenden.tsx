import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { myCasesQueryOptions } from '../../features/ansokan/api';
import { StatusTag } from '../../components/StatusTag';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatDate, formatKronor } from '../../format';
import { sv } from '../../text/sv';

export default function MinaArenden() {
  usePageTitle(sv.sokande.casesTitle);
  const cases = useQuery(myCasesQueryOptions());
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {sv.sokande.casesTitle}
      </Heading>
      <Paragraph>{sv.sokande.casesIntro}</Paragraph>
      <RouterLink to={paths.sokande.ny} className="ds-button" data-variant="primary">
        {sv.sokande.newApplication}
      </RouterLink>
      {cases.isLoading && <Loading />}
      {cases.isError && <LoadFailed />}
      {cases.data && cases.data.items.length === 0 && <Paragraph>{sv.sokande.noCases}</Paragraph>}
      {cases.data && cases.data.items.length > 0 && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{sv.sokande.casesTitle}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{sv.handlaggare.title}</Table.HeaderCell>
                <Table.HeaderCell>{sv.handlaggare.diarienummer}</Table.HeaderCell>
                <Table.HeaderCell>{sv.handlaggare.status}</Table.HeaderCell>
                <Table.HeaderCell className="num">{sv.handlaggare.amountApplied}</Table.HeaderCell>
                <Table.HeaderCell>{sv.handlaggare.registered}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cases.data.items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <RouterLink
                      to={c.status === 'utkast' ? paths.sokande.ansokan(c.id) : paths.sokande.arende(c.id)}
                    >
                      {c.title}
                    </RouterLink>
                  </Table.Cell>
                  <Table.Cell>{c.diarienummer ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <StatusTag status={c.status} />
                  </Table.Cell>
                  <Table.Cell className="num">{formatKronor(c.amountApplied)}</Table.Cell>
                  <Table.Cell>{formatDate(c.registrationDate)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
