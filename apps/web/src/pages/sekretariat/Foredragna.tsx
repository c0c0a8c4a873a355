import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import {
  downloadPresentation,
  presentationsQueryOptions,
  undeliveredQueryOptions,
  type Presentation,
} from '../../features/rapport/api';
import { saveBlob } from '../../features/arende/api';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatKronor } from '../../format';
import { svSekretariat } from '../../text/sv-sekretariat';
import { sv } from '../../text/sv';

const FORMATS = ['pdf', 'xlsx', 'csv'] as const;

/** The reports presented to the nämnd, newest first; each downloads exactly as it was presented. */
export function Foredragna() {
  const t = svSekretariat.presentations;
  const list = useQuery(presentationsQueryOptions());
  const download = useMutation({
    mutationFn: async ({ p, format }: { p: Presentation; format: (typeof FORMATS)[number] }) => {
      const name = `delegationsbeslut-foredragen-${p.meetingDate}-${p.periodFrom}-${p.periodTo}.${format}`;
      saveBlob(await downloadPresentation(p.id, format), name);
    },
  });
  return (
    <section className="stack" aria-labelledby="presented-title">
      <Heading level={2} data-size="md" id="presented-title">
        {t.title}
      </Heading>
      {list.isLoading && <Loading />}
      {list.isError && <LoadFailed />}
      {list.data?.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {download.isError && <Alert data-color="danger">{sv.app.loadFailed}</Alert>}
      {!!list.data?.length && (
        <TableScroll label={t.title}>
          <Table data-size="sm" zebra>
            <caption className="visually-hidden">{t.title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.meeting}</Table.HeaderCell>
                <Table.HeaderCell>{t.paragraph}</Table.HeaderCell>
                <Table.HeaderCell>{t.period}</Table.HeaderCell>
                <Table.HeaderCell>{t.point}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.decisions}</Table.HeaderCell>
                <Table.HeaderCell>{t.presentedBy}</Table.HeaderCell>
                <Table.HeaderCell>{t.download}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{formatDate(p.meetingDate)}</Table.Cell>
                  <Table.Cell>{p.paragraph}</Table.Cell>
                  <Table.Cell>
                    {formatDate(p.periodFrom)} – {formatDate(p.periodTo)}
                  </Table.Cell>
                  <Table.Cell>{p.delegationPoint ?? svSekretariat.present.allPoints}</Table.Cell>
                  <Table.Cell className="num">{p.decisionCount}</Table.Cell>
                  <Table.Cell>{p.presentedBy ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <div className="row">
                      {FORMATS.map((format) => (
                        <Button
                          key={format}
                          data-size="sm"
                          variant="tertiary"
                          aria-label={t.downloadAs(format.toUpperCase(), p.meetingDate, p.paragraph)}
                          loading={
                            download.isPending &&
                            download.variables.p.id === p.id &&
                            download.variables.format === format
                          }
                          onClick={() => download.mutate({ p, format })}
                        >
                          {format.toUpperCase()}
                        </Button>
                      ))}
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

/** Signed delegated decisions not yet in a presented report, per point, with when the point was last reported. */
export function EjRedovisat() {
  const t = svSekretariat.undelivered;
  const data = useQuery(undeliveredQueryOptions());
  const points = data.data?.points.filter((p) => p.count > 0) ?? [];
  return (
    <section className="stack" aria-labelledby="undelivered-title">
      <Heading level={2} data-size="md" id="undelivered-title">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {data.isLoading && <Loading />}
      {data.isError && <LoadFailed />}
      {data.data && points.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {points.length > 0 && (
        <TableScroll label={t.title}>
          <Table data-size="sm" zebra>
            <caption className="visually-hidden">{t.title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.point}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.count}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.granted}</Table.HeaderCell>
                <Table.HeaderCell>{t.last}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {points.map((p) => (
                <Table.Row key={p.point}>
                  <Table.HeaderCell scope="row">
                    {p.point}
                    {p.title ? ` ${p.title}` : ''}
                  </Table.HeaderCell>
                  <Table.Cell className="num">{p.count}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(p.granted)}</Table.Cell>
                  <Table.Cell>
                    {p.lastPresentation
                      ? t.lastValue(
                          formatDate(p.lastPresentation.periodTo),
                          formatDate(p.lastPresentation.meetingDate),
                          p.lastPresentation.paragraph,
                        )
                      : t.never}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
