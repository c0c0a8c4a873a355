import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Heading,
  List,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { api } from '../../api/client';
import { toFieldErrors, unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Decision } from '../../api/types';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { AssuranceNotice, assuranceError } from '../../components/AssuranceNotice';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate, formatKronor } from '../../format';
import {
  checkRequest,
  requestsQueryOptions,
  saveRequest,
  scheduleQueryOptions,
  startRequest,
  submitRequest,
  type CheckResult,
  type PaymentRequest,
  type Voucher,
} from '../../features/utbetalning/api';
import { svUtbetalning } from '../../text/sv-utbetalning';

const t = svUtbetalning.sokande;
const blank = (): Voucher => ({
  voucherNumber: '',
  supplier: '',
  costCategory: '',
  costType: '',
  invoiceDate: '',
  paymentDate: '',
  amountExVat: 0,
  vat: 0,
});

/** The grantee's report and payment request for a granted case. */
export default function Utbetalning() {
  usePageTitle(t.title);
  const { id = '' } = useParams();
  const decisions = useQuery({
    queryKey: queryKeys.get('/api/cases/{caseId}/decisions', { caseId: id }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/cases/{caseId}/decisions', { params: { path: { caseId: id } } }),
      ) as Decision[],
  });
  const grant = decisions.data?.find(
    (d) => d.kind === 'beslut' && d.status === 'signerat' && d.outcome !== 'avslag',
  );
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {decisions.isLoading && <Loading />}
      {decisions.isError && <LoadFailed />}
      {decisions.data && !grant && <Paragraph>{t.noDecision}</Paragraph>}
      {grant && <ForDecision decisionId={grant.id} />}
    </div>
  );
}

function ForDecision({ decisionId }: { decisionId: string }) {
  const schedule = useQuery(scheduleQueryOptions(decisionId));
  const requests = useQuery(requestsQueryOptions(decisionId));
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => startRequest(decisionId),
    onSuccess: () => {
      setSubmitted(false);
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const draft = requests.data?.find((r) => r.status === 'utkast');
  const [submitted, setSubmitted] = useState(false);
  return (
    <>
      {submitted && (
        <Alert data-color="success" role="status">
          {t.submitted}
        </Alert>
      )}
      <section className="stack" aria-labelledby="schedule-h">
        <Heading level={2} data-size="sm" id="schedule-h">
          {t.schedule}
        </Heading>
        {schedule.isLoading && <Loading />}
        {schedule.data && (
          <TableScroll label={t.schedule}>
            <Table data-size="sm">
              <caption className="visually-hidden">{t.schedule}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>#</Table.HeaderCell>
                  <Table.HeaderCell>
                    {svUtbetalning.kind.lagesrapport} / {svUtbetalning.kind.slutrapport}
                  </Table.HeaderCell>
                  <Table.HeaderCell>{t.period}</Table.HeaderCell>
                  <Table.HeaderCell>{t.due}</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {schedule.data.map((i) => (
                  <Table.Row key={i.seq}>
                    <Table.Cell>{i.seq}</Table.Cell>
                    <Table.Cell>{svUtbetalning.kind[i.kind]}</Table.Cell>
                    <Table.Cell>
                      {formatDate(i.periodFrom)} – {formatDate(i.periodTo)}
                    </Table.Cell>
                    <Table.Cell>{formatDate(i.dueDate)}</Table.Cell>
                    <Table.Cell>{i.requestStatus ? svUtbetalning.status[i.requestStatus] : '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
      {requests.isLoading && <Loading />}
      {requests.isError && <LoadFailed />}
      {requests.data && !draft && (
        <div>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t.start}
          </Button>
          <FormErrorSummary errors={toFieldErrors(start.error)} />
        </div>
      )}
      {draft && <RequestForm request={draft} onSubmitted={() => setSubmitted(true)} />}
      {requests.data && requests.data.some((r) => r.status !== 'utkast') && (
        <section className="stack" aria-labelledby="requests-h">
          <Heading level={2} data-size="sm" id="requests-h">
            {t.requests}
          </Heading>
          <List.Unordered>
            {requests.data
              .filter((r) => r.status !== 'utkast')
              .map((r) => (
                <List.Item key={r.id}>
                  {svUtbetalning.kind[r.kind]} {r.seq}: {svUtbetalning.status[r.status]}
                  {r.calculation ? `, ${formatKronor(r.calculation.net)}` : ''}
                </List.Item>
              ))}
          </List.Unordered>
        </section>
      )}
    </>
  );
}

function RequestForm({ request, onSubmitted }: { request: PaymentRequest; onSubmitted: () => void }) {
  const queryClient = useQueryClient();
  const [reportText, setReportText] = useState(request.reportText);
  const [accountType, setAccountType] = useState(request.payoutAccount?.type ?? 'bankgiro');
  const [accountNumber, setAccountNumber] = useState(request.payoutAccount?.number ?? '');
  const [vouchers, setVouchers] = useState<Voucher[]>(
    request.vouchers.length
      ? request.vouchers.map((v) => ({
          voucherNumber: v.voucherNumber,
          supplier: v.supplier,
          costCategory: v.costCategory,
          costType: v.costType,
          invoiceDate: v.invoiceDate,
          paymentDate: v.paymentDate ?? '',
          amountExVat: v.amountExVat,
          vat: v.vat,
        }))
      : [blank()],
  );
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setChecked(null), [reportText, accountNumber, vouchers]);

  const body = () => ({
    reportText,
    payoutAccount: { type: accountType as 'bankgiro' | 'plusgiro' | 'iban', number: accountNumber },
    vouchers: vouchers.map((v) => ({ ...v, paymentDate: v.paymentDate || null })),
  });
  const save = useMutation({
    mutationFn: () => saveRequest(request.id, body()),
    onSuccess: () => setMessage(t.saved),
  });
  const check = useMutation({
    mutationFn: async () => {
      await saveRequest(request.id, body());
      return checkRequest(request.id);
    },
    onSuccess: (r) => {
      setChecked(r);
      setMessage(r.ok ? t.checkOk : null);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      await saveRequest(request.id, body());
      return submitRequest(request.id);
    },
    onSuccess: () => {
      onSubmitted();
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const problems = [
    ...toFieldErrors(save.error),
    ...(assuranceError(submit.error) ?? toFieldErrors(submit.error)),
    ...toFieldErrors(check.error),
    ...(checked && !checked.ok
      ? checked.problems.map((p) => ({
          id: p.field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-'),
          field: p.field,
          message: p.problem,
        }))
      : []),
  ];
  const total = vouchers.reduce((s, v) => s + (Number(v.amountExVat) || 0), 0);
  const set = (i: number, k: keyof Voucher, value: string) =>
    setVouchers((vs) =>
      vs.map((v, j) =>
        j === i
          ? { ...v, [k]: k === 'amountExVat' || k === 'vat' ? Number(value.replace(/\s/g, '')) || 0 : value }
          : v,
      ),
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Heading level={2} data-size="sm">
        {svUtbetalning.kind[request.kind]} {request.seq}: {formatDate(request.periodFrom)} –{' '}
        {formatDate(request.periodTo)}
      </Heading>
      {message && (
        <Alert data-color="success" role="status">
          {message}
        </Alert>
      )}
      <FormErrorSummary errors={problems} />
      <Textfield
        id="reportText"
        multiline
        rows={6}
        label={t.reportText}
        description={t.reportHelp}
        value={reportText}
        error={errorFor(problems, 'reportText')}
        onChange={(e) => setReportText(e.target.value)}
      />
      <div className="row">
        <div>
          <label className="ds-label" htmlFor="payoutAccount-type">
            {t.accountType}
          </label>
          <Select
            id="payoutAccount-type"
            value={accountType}
            onChange={(e) => setAccountType(e.target.value as typeof accountType)}
          >
            {Object.entries(t.accountTypes).map(([k, v]) => (
              <Select.Option key={k} value={k}>
                {v}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield
          id="payoutAccount-number"
          label={t.accountNumber}
          value={accountNumber}
          error={errorFor(problems, 'payoutAccount-number') ?? errorFor(problems, 'payoutAccount')}
          onChange={(e) => setAccountNumber(e.target.value)}
        />
      </div>
      <section className="stack" aria-labelledby="vouchers-h">
        <Heading level={3} data-size="xs" id="vouchers-h">
          {t.vouchers}
        </Heading>
        <Paragraph data-size="sm">{t.vouchersHelp}</Paragraph>
        {vouchers.map((v, i) => (
          <fieldset key={i} className="voucher" id={`vouchers-${i}`}>
            <legend>{t.row(i + 1)}</legend>
            <div className="row wrap">
              <Textfield
                id={`vouchers-${i}-voucherNumber`}
                label={t.voucherNumber}
                value={v.voucherNumber}
                error={errorFor(problems, `vouchers-${i}-voucherNumber`)}
                onChange={(e) => set(i, 'voucherNumber', e.target.value)}
              />
              <Textfield
                id={`vouchers-${i}-supplier`}
                label={t.supplier}
                value={v.supplier}
                onChange={(e) => set(i, 'supplier', e.target.value)}
              />
              <Textfield
                id={`vouchers-${i}-costCategory`}
                label={t.costCategory}
                value={v.costCategory}
                onChange={(e) => set(i, 'costCategory', e.target.value)}
              />
              <Textfield
                id={`vouchers-${i}-costType`}
                label={t.costType}
                value={v.costType}
                onChange={(e) => set(i, 'costType', e.target.value)}
              />
              <Textfield
                id={`vouchers-${i}-invoiceDate`}
                type="date"
                label={t.invoiceDate}
                value={v.invoiceDate}
                onChange={(e) => set(i, 'invoiceDate', e.target.value)}
              />
              <Textfield
                id={`vouchers-${i}-paymentDate`}
                type="date"
                label={t.paymentDate}
                value={v.paymentDate ?? ''}
                onChange={(e) => set(i, 'paymentDate', e.target.value)}
              />
              <Textfield
                id={`vouchers-${i}-amountExVat`}
                inputMode="numeric"
                label={t.amountExVat}
                value={String(v.amountExVat || '')}
                onChange={(e) => set(i, 'amountExVat', e.target.value)}
              />
              <Textfield
                id={`vouchers-${i}-vat`}
                inputMode="numeric"
                label={t.vat}
                value={String(v.vat || '')}
                onChange={(e) => set(i, 'vat', e.target.value)}
              />
            </div>
            {vouchers.length > 1 && (
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() => setVouchers((vs) => vs.filter((_, j) => j !== i))}
              >
                {t.removeVoucher(i + 1)}
              </Button>
            )}
          </fieldset>
        ))}
        <div>
          <Button variant="secondary" data-size="sm" onClick={() => setVouchers((vs) => [...vs, blank()])}>
            {t.addVoucher}
          </Button>
        </div>
        <Paragraph aria-live="polite">{t.total(formatKronor(total))}</Paragraph>
      </section>
      {checked && checked.warnings.length > 0 && (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {t.warnings}
          </Heading>
          <List.Unordered>
            {checked.warnings.map((w, i) => (
              <List.Item key={i}>
                {t.row(Number(/\d+/.exec(w.field)?.[0] ?? 0) + 1)}: {w.problem}
              </List.Item>
            ))}
          </List.Unordered>
        </Alert>
      )}
      <AssuranceNotice />
      <div className="row">
        <Button variant="secondary" onClick={() => save.mutate()} loading={save.isPending}>
          {t.save}
        </Button>
        <Button variant="secondary" onClick={() => check.mutate()} loading={check.isPending}>
          {t.check}
        </Button>
        <Button type="submit" loading={submit.isPending}>
          {t.submit}
        </Button>
      </div>
    </form>
  );
}
