import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, Switch, Table, Tag } from '@digdir/designsystemet-react';
import { openCompletionRequestsQueryOptions } from '../../features/arende/api';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatDate } from '../../format';
import { svHandlaggning } from '../../text/sv-handlaggning';
import { sv } from '../../text/sv';

const t = svHandlaggning.completions;
const tc = svHandlaggning.completion;

/** Completion requests the applicants have not answered, overdue first (the API orders by due date). */
export default function Kompletteringar() {
  usePageTitle(t.title);
  const [params, setParams] = useSearchParams();
  const overdue = params.get('forsenade') === 'ja';
  const list = useQuery(openCompletionRequestsQueryOptions(overdue));
  const items = list.data?.items ?? [];
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Switch
        label={t.onlyOverdue}
        checked={overdue}
        onChange={(e) => setParams(e.target.checked ? { forsenade: 'ja' } : {}, { replace: true })}
      />
      {list.isLoading && <Loading />}
      {list.isError && <LoadFailed />}
      {list.data && <Paragraph role="status">{t.count(list.data.total)}</Paragraph>}
      {list.data && items.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {items.length > 0 && (
        <TableScroll label={t.title}>
          <Table data-size="sm">
            <caption className="visually-hidden">{t.title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{sv.handlaggare.diarienummer}</Table.HeaderCell>
                <Table.HeaderCell>{sv.handlaggare.organisation}</Table.HeaderCell>
                <Table.HeaderCell>{tc.what}</Table.HeaderCell>
                <Table.HeaderCell aria-sort="ascending">{tc.due}</Table.HeaderCell>
                <Table.HeaderCell>{svHandlaggning.assignment.assignedTo}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <Link to={paths.handlaggare.arende(r.caseId)}>{r.diarienummer ?? r.title}</Link>
                  </Table.Cell>
                  <Table.Cell>{r.organisationName ?? '–'}</Table.Cell>
                  <Table.Cell>{r.reason}</Table.Cell>
                  <Table.Cell>
                    {formatDate(r.dueDate)}
                    {r.overdue && (
                      <>
                        {' '}
                        <Tag data-color="warning">{tc.overdue}</Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>{r.assignedTo?.displayName ?? svHandlaggning.assignment.nobody}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
