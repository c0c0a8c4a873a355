import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import {
  downloadFollowUp,
  followUpQueryOptions,
  type FollowUpLine,
  type IndicatorFigures,
} from '../features/rapport/api';
import { Downloads } from '../features/rapport/components/Downloads';
import { toFieldErrors } from '../api/errors';
import { FormErrorSummary, errorFor } from '../components/FormErrorSummary';
import { LoadFailed, Loading } from '../components/Loading';
import { TableScroll } from '../components/TableScroll';
import { BarChart, UsageChart } from '../components/charts/Charts';
import { usePageTitle } from '../app/usePageTitle';
import { formatBasisPoints, formatKronor } from '../format';
import { svSekretariat } from '../text/sv-sekretariat';

const t = svSekretariat.uppfoljning;

/** A share as the page shows it (`23,8 %`), or a dash when there was nothing to share. */
const share = (part: number, whole: number) =>
  whole ? formatBasisPoints(Math.round((part * 10000) / whole)) : '–';
const womenShare = (f: IndicatorFigures) => share(f.grantedCount, f.companyGrantedCount);

/** The follow-up of a year (in the address), its charts each with the same figures as a table beside it. */
export default function Uppfoljning() {
  usePageTitle(t.title);
  const [params, setParams] = useSearchParams();
  const typed = params.get('ar') ?? String(new Date().getFullYear());
  const [form, setForm] = useState(typed);
  // A malformed year still goes to the API, which names the field.
  const year = /^\d+$/.test(typed) ? Number(typed) : (typed as unknown as number);
  const figures = useQuery(followUpQueryOptions(year));
  const errors = toFieldErrors(figures.error, { year: t.year });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams({ ar: form.trim() }));
  };
  const f = figures.data;
  const women = f?.indicators.find((i) => i.code === 'drivs_av_kvinnor');
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <FormErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate className="row">
        <Textfield
          id="year"
          label={t.year}
          inputMode="numeric"
          maxLength={4}
          value={form}
          onChange={(e) => setForm(e.target.value)}
          error={errorFor(errors, 'year')}
        />
        <Button type="submit">{t.show}</Button>
      </form>
      {figures.isLoading && <Loading />}
      {figures.isError && !errors.length && <LoadFailed />}
      {f && (
        <div className="stack">
          <Downloads
            file={(format) => downloadFollowUp(year, format)}
            name={(format) => `uppfoljning-${typed}.${format}`}
            text={t}
          />
          <Paragraph>
            {t.totals(f.totals.grantedCount, formatKronor(f.totals.granted), f.totals.rejectedCount)}
          </Paragraph>

          <Section id="frames" title={t.frames.title}>
            <Paragraph>
              {f.frames.inriktningsbeslut ? t.frames.from(f.frames.inriktningsbeslut) : t.frames.noDecision}
            </Paragraph>
            <div className="stack">
              <UsageChart
                items={f.frames.lines.map((l) => ({
                  key: l.code,
                  label: l.name,
                  used: l.used,
                  amount: l.indicative,
                  text: l.indicative ? t.frames.usedShare(share(l.used, l.indicative)) : formatKronor(l.used),
                }))}
              />
              <TableScroll label={t.frames.title}>
                <Table data-size="sm" zebra>
                  <caption>{t.frames.title}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t.frames.frame}</Table.HeaderCell>
                      <Table.HeaderCell className="num">{t.frames.amount}</Table.HeaderCell>
                      <Table.HeaderCell className="num">{t.frames.used}</Table.HeaderCell>
                      <Table.HeaderCell className="num">{t.frames.left}</Table.HeaderCell>
                      <Table.HeaderCell className="num">{t.frames.share}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {f.frames.lines.map((l) => (
                      <Table.Row key={l.code}>
                        <Table.HeaderCell scope="row">{l.name}</Table.HeaderCell>
                        <Table.Cell className="num">
                          {l.indicative === null
                            ? t.frames.notInDecision
                            : `${formatKronor(l.indicative)}${l.binding ? ` (${t.frames.binding[l.binding] ?? l.binding})` : ''}`}
                        </Table.Cell>
                        <Table.Cell className="num">{formatKronor(l.used)}</Table.Cell>
                        <Table.Cell className="num">{formatKronor(l.left)}</Table.Cell>
                        <Table.Cell className="num">
                          {l.indicative ? share(l.used, l.indicative) : '–'}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            </div>
          </Section>

          <Lines id="per-kommun" title={t.perKommun} heading={t.kommun} lines={f.perKommun} />
          <Lines id="per-aid-form" title={t.perAidForm} heading={t.aidForm} lines={f.perAidForm} />

          {women && (
            <Section id="women" title={t.women.title}>
              <Paragraph>{t.women.intro}</Paragraph>
              <div className="chart-and-table">
                <BarChart
                  max={1}
                  bars={[women.previous, women.current].map((y) => ({
                    key: String(y.year),
                    label: String(y.year),
                    value: y.companyGrantedCount ? y.grantedCount / y.companyGrantedCount : 0,
                    text: womenShare(y),
                  }))}
                />
                <TableScroll label={t.women.title}>
                  <Table data-size="sm" zebra>
                    <caption>{t.women.title}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{t.women.year}</Table.HeaderCell>
                        <Table.HeaderCell className="num">{t.women.count}</Table.HeaderCell>
                        <Table.HeaderCell className="num">{t.women.share}</Table.HeaderCell>
                        <Table.HeaderCell className="num">{t.women.amount}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {[women.previous, women.current].map((y) => (
                        <Table.Row key={y.year}>
                          <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                          <Table.Cell className="num">
                            {t.women.countOf(y.grantedCount, y.companyGrantedCount)}
                          </Table.Cell>
                          <Table.Cell className="num">{womenShare(y)}</Table.Cell>
                          <Table.Cell className="num">{formatKronor(y.granted)}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </TableScroll>
              </div>
              <Paragraph>{women.increased ? t.women.increased : t.women.notIncreased}</Paragraph>
            </Section>
          )}
        </div>
      )}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <Heading level={2} data-size="md" id={`${id}-title`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** Grants per kommun or aid form: bars of the granted amount beside the table of every figure. */
function Lines({
  id,
  title,
  heading,
  lines,
}: {
  id: string;
  title: string;
  heading: string;
  lines: FollowUpLine[];
}) {
  return (
    <Section id={id} title={title}>
      <div className="chart-and-table">
        <BarChart
          bars={lines.map((l) => ({
            key: l.key,
            label: l.name,
            value: l.granted,
            text: formatKronor(l.granted),
          }))}
        />
        <TableScroll label={title}>
          <Table data-size="sm" zebra>
            <caption>{title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{heading}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.grantedCount}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.granted}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.rejectedCount}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {lines.map((l) => (
                <Table.Row key={l.key}>
                  <Table.HeaderCell scope="row">{l.name}</Table.HeaderCell>
                  <Table.Cell className="num">{l.grantedCount}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(l.granted)}</Table.Cell>
                  <Table.Cell className="num">{l.rejectedCount}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </div>
    </Section>
  );
}
