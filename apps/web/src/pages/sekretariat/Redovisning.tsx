import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { downloadReport, reportQueryOptions } from '../../features/rapport/api';
import { Downloads } from '../../features/rapport/components/Downloads';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { fieldsOf } from '../../components/fields';
import { usePageTitle } from '../../app/usePageTitle';
import { formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { Presentera } from './Presentera';
import { EjRedovisat, Foredragna } from './Foredragna';

const t = sv.sekretariat;

/** The delegation report: period and point in the address, the table, and the files to download. */
export default function Redovisning() {
  usePageTitle(t.title);
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const point = params.get('punkt') ?? '';
  const [form, setForm] = useState({ from, to, point });
  const filter = { from, to, point: point || undefined };
  const report = useQuery({ ...reportQueryOptions(filter), enabled: !!from && !!to });
  const errors = toFieldErrors(report.error, { from: t.from, to: t.to, point: t.point });
  const field = fieldsOf(form, (patch) => setForm({ ...form, ...patch }), errors);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (form.from) next.set('from', form.from);
    if (form.to) next.set('to', form.to);
    if (form.point) next.set('punkt', form.point);
    setParams(next);
  };
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <FormErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate className="row">
        <Textfield {...field('from')} label={t.from} description="ÅÅÅÅ-MM-DD" inputMode="numeric" />
        <Textfield {...field('to')} label={t.to} description="ÅÅÅÅ-MM-DD" inputMode="numeric" />
        <Textfield {...field('point')} label={t.point} description={t.pointHint} />
        <Button type="submit">{t.show}</Button>
      </form>
      {report.isLoading && <Loading />}
      {report.isError && !errors.length && <LoadFailed />}
      {report.data && (
        <div className="stack">
          <Downloads
            file={(format) => downloadReport(filter, format)}
            name={(format) => `delegationsbeslut-${from}-${to}.${format}`}
            text={t}
          />
          <Presentera
            filter={filter}
            unreported={report.data.groups.flatMap((g) => g.rows).filter((r) => !r.reportedIn).length}
          />
          {report.data.groups.map((g) => (
            <div className="table-scroll" key={g.point}>
              <Table data-size="sm" zebra>
                <caption>
                  {g.heading} – {t.rows(g.rows.length)}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>Dnr</Table.HeaderCell>
                    <Table.HeaderCell>Stöd</Table.HeaderCell>
                    <Table.HeaderCell>Företag</Table.HeaderCell>
                    <Table.HeaderCell>Bransch/Prioritering</Table.HeaderCell>
                    <Table.HeaderCell>Kön</Table.HeaderCell>
                    <Table.HeaderCell>Kommun</Table.HeaderCell>
                    <Table.HeaderCell className="num">Belopp</Table.HeaderCell>
                    <Table.HeaderCell>Beslutsfattare</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {g.rows.map((r) => (
                    <Table.Row key={r.decisionId}>
                      <Table.Cell>{r.diarienummer ?? '–'}</Table.Cell>
                      <Table.Cell>{r.stod}</Table.Cell>
                      <Table.Cell>{r.foretag}</Table.Cell>
                      <Table.Cell>{r.branschPrioritering}</Table.Cell>
                      <Table.Cell>{r.kon}</Table.Cell>
                      <Table.Cell>{r.kommun}</Table.Cell>
                      <Table.Cell className="num">
                        {r.amount === null
                          ? (sv.decision.outcome[r.outcome] ?? r.outcome)
                          : formatKronor(r.amount)}
                      </Table.Cell>
                      <Table.Cell>{r.beslutsfattare}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ))}
        </div>
      )}
      <EjRedovisat />
      <Foredragna />
    </div>
  );
}
