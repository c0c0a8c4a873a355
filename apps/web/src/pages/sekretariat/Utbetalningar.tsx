import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate, formatKronor } from '../../format';
import { outstandingQueryOptions, overdueQueryOptions } from '../../features/utbetalning/api';
import { svUtbetalning } from '../../text/sv-utbetalning';
import { sv } from '../../text/sv';

const t = svUtbetalning.sekretariat;

/** Outstanding commitments (decided, not paid) and overdue reports, for the nämnd and the secretariat. */
export default function Utbetalningar() {
  usePageTitle(t.title);
  const outstanding = useQuery(outstandingQueryOptions());
  const overdue = useQuery(overdueQueryOptions());
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <section className="stack" aria-labelledby="outstanding-h">
        <Heading level={2} data-size="sm" id="outstanding-h">
          {t.outstanding}
        </Heading>
        <Paragraph>{t.outstandingIntro}</Paragraph>
        {outstanding.isLoading && <Loading />}
        {outstanding.isError && <LoadFailed />}
        {outstanding.data && (
          <TableScroll label={t.outstanding}>
            <Table data-size="sm">
              <caption className="visually-hidden">{t.outstanding}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.year}</Table.HeaderCell>
                  <Table.HeaderCell>{t.frame}</Table.HeaderCell>
                  <Table.HeaderCell>{t.aidForm}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.decisions}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.granted}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.paid}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.released}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.left}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {outstanding.data.map((l) => (
                  <Table.Row key={`${l.year}-${l.frame}-${l.aidForm}`}>
                    <Table.Cell>{l.year}</Table.Cell>
                    <Table.Cell>{l.frame || '–'}</Table.Cell>
                    <Table.Cell>{l.aidForm || '–'}</Table.Cell>
                    <Table.Cell className="num">{l.decisions}</Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.granted)}</Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.paid)}</Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.released)}</Table.Cell>
                    <Table.Cell className="num">{formatKronor(l.outstanding)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
      <section className="stack" aria-labelledby="overdue-h">
        <Heading level={2} data-size="sm" id="overdue-h">
          {t.overdue}
        </Heading>
        {overdue.isLoading && <Loading />}
        {overdue.isError && <LoadFailed />}
        {overdue.data && overdue.data.length === 0 && <Paragraph>{t.noneOverdue}</Paragraph>}
        {overdue.data && overdue.data.length > 0 && (
          <TableScroll label={t.overdue}>
            <Table data-size="sm">
              <caption className="visually-hidden">{t.overdue}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{sv.handlaggare.diarienummer}</Table.HeaderCell>
                  <Table.HeaderCell>{t.organisation}</Table.HeaderCell>
                  <Table.HeaderCell>{svUtbetalning.sokande.schedule}</Table.HeaderCell>
                  <Table.HeaderCell>{svUtbetalning.sokande.due}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.daysLate}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {overdue.data.map((o) => (
                  <Table.Row key={`${o.decisionId}-${o.seq}`}>
                    <Table.Cell>{o.diarienummer}</Table.Cell>
                    <Table.Cell>{o.organisation}</Table.Cell>
                    <Table.Cell>
                      {svUtbetalning.kind[o.kind]} {o.seq}
                    </Table.Cell>
                    <Table.Cell>{formatDate(o.dueDate)}</Table.Cell>
                    <Table.Cell className="num">{o.daysLate}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
