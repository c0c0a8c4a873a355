import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import {
  QUEUE_PAGE_SIZE,
  STATUSES,
  queueQueryFrom,
  queueQueryOptions,
  statusCountsQueryOptions,
  type QueueQuery,
} from '../../features/arbetsko/api';
import { StatusTag } from '../../components/StatusTag';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatDate, formatKronor } from '../../format';
import { sv } from '../../text/sv';

type Sort = NonNullable<QueueQuery['sort']>;
const PAGE_SIZE = QUEUE_PAGE_SIZE;

/** The work queue: filters, sort and page live in the address, so a view can be bookmarked and shared. */
export default function Arbetsko() {
  usePageTitle(sv.handlaggare.queueTitle);
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const diarienummer = params.get('diarienummer') ?? '';
  const organisation = params.get('organisation') ?? '';
  const query = queueQueryFrom(params);
  const sort = query.sort as Sort;
  const page = query.page ?? 1;
  const list = useQuery(queueQueryOptions(query));
  // The counts wait for the page of cases, so that the table is drawn first.
  const counts = useQuery({ ...statusCountsQueryOptions(), enabled: !!list.data });
  const [form, setForm] = useState({ status, diarienummer, organisation });
  // A link or the back button changes the address: the filter form follows it.
  useEffect(() => setForm({ status, diarienummer, organisation }), [status, diarienummer, organisation]);

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    update({ ...form, sida: '' });
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const sortHeader = (key: 'diarienummer' | 'title' | 'registrationDate', label: string) => {
    const active = sort.replace(/^-/, '') === key;
    const descending = sort.startsWith('-');
    return (
      <Table.HeaderCell
        sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
        onClick={() => update({ sort: active && !descending ? `-${key}` : key, sida: '' })}
      >
        {label}
      </Table.HeaderCell>
    );
  };

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {sv.handlaggare.queueTitle}
      </Heading>
      {counts.data && (
        <ul className="counts" aria-label="Antal ärenden per status">
          {STATUSES.map((s) => (
            <li key={s}>
              <RouterLink to={`?status=${s}`}>
                {sv.status[s]}: <strong>{counts.data[s]}</strong>
              </RouterLink>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={apply} className="row" role="search" aria-label={sv.handlaggare.filters}>
        <div>
          <label className="ds-label" htmlFor="filter-status">
            {sv.handlaggare.status}
          </label>
          <Select
            id="filter-status"
            value={form.status}
            onChange={(e) => setForm({ ...form, status: e.target.value })}
          >
            <Select.Option value="">{sv.handlaggare.allStatuses}</Select.Option>
            {STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {sv.status[s]}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield
          id="filter-diarienummer"
          label={sv.handlaggare.diarienummer}
          value={form.diarienummer}
          onChange={(e) => setForm({ ...form, diarienummer: e.target.value })}
        />
        <Textfield
          id="filter-organisation"
          label={sv.handlaggare.organisation}
          value={form.organisation}
          onChange={(e) => setForm({ ...form, organisation: e.target.value })}
        />
        <Button type="submit">{sv.handlaggare.search}</Button>
      </form>
      {list.isLoading && <Loading />}
      {list.isError && <LoadFailed />}
      {list.data && (
        <>
          <Paragraph role="status">{sv.handlaggare.count(list.data.total)}</Paragraph>
          <div className="table-scroll">
            <Table data-size="sm" zebra>
              <caption className="visually-hidden">{sv.handlaggare.queueTitle}</caption>
              <Table.Head>
                <Table.Row>
                  {sortHeader('diarienummer', sv.handlaggare.diarienummer)}
                  {sortHeader('title', sv.handlaggare.title)}
                  <Table.HeaderCell>{sv.handlaggare.organisation}</Table.HeaderCell>
                  <Table.HeaderCell>{sv.handlaggare.aidForm}</Table.HeaderCell>
                  <Table.HeaderCell>{sv.handlaggare.status}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{sv.handlaggare.amountApplied}</Table.HeaderCell>
                  {sortHeader('registrationDate', sv.handlaggare.registered)}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <RouterLink to={paths.handlaggare.arende(c.id)}>{c.diarienummer ?? '–'}</RouterLink>
                    </Table.Cell>
                    <Table.Cell>{c.title}</Table.Cell>
                    <Table.Cell>{c.organisationName ?? '–'}</Table.Cell>
                    <Table.Cell>{c.aidForm ?? (c.track === 'projekt' ? 'Projekt' : '–')}</Table.Cell>
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
          <nav aria-label={sv.handlaggare.pagination} className="row">
            <Button
              variant="secondary"
              disabled={page <= 1}
              onClick={() => update({ sida: String(page - 1) })}
            >
              {sv.handlaggare.previous}
            </Button>
            <span>{sv.handlaggare.page(page, pages)}</span>
            <Button
              variant="secondary"
              disabled={page >= pages}
              onClick={() => update({ sida: String(page + 1) })}
            >
              {sv.handlaggare.next}
            </Button>
          </nav>
        </>
      )}
    </div>
  );
}
