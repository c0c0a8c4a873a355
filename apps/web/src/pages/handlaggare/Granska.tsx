import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate, formatKronor } from '../../format';
import {
  deductionReasonsQueryOptions,
  requestQueryOptions,
  verifyRequest,
  type PaymentRequest,
} from '../../features/utbetalning/api';
import { svUtbetalning } from '../../text/sv-utbetalning';

const t = svUtbetalning.handlaggare;
const s = svUtbetalning.sokande;

/** The handläggare's verification of one payment request, voucher by voucher. */
export default function Granska() {
  const { id = '' } = useParams();
  const request = useQuery(requestQueryOptions(id));
  usePageTitle(t.title);
  if (request.isLoading) return <Loading />;
  if (request.isError || !request.data) return <LoadFailed />;
  return <Review request={request.data} />;
}

type Verdict = 'godkand' | 'avdragen' | 'flyttad';

function Review({ request }: { request: PaymentRequest }) {
  const reasons = useQuery(deductionReasonsQueryOptions());
  const queryClient = useQueryClient();
  const [verdicts, setVerdicts] = useState<Record<number, { verdict: Verdict; reason: string }>>(() =>
    Object.fromEntries(
      request.vouchers.map((v) => [
        v.lineNo,
        { verdict: v.flags.length ? 'avdragen' : 'godkand', reason: '' },
      ]),
    ),
  );
  const [finalApproved, setFinalApproved] = useState(false);
  const verify = useMutation({
    mutationFn: () =>
      verifyRequest(
        request.id,
        request.vouchers.map((v) => ({
          lineNo: v.lineNo,
          verdict: verdicts[v.lineNo].verdict,
          ...(verdicts[v.lineNo].verdict === 'avdragen'
            ? { deductionReason: verdicts[v.lineNo].reason }
            : {}),
        })),
        finalApproved,
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['get'] }),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  const result = verify.data ?? (request.status === 'granskad' ? request : null);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Heading level={1} data-size="lg">
        {t.reviewTitle(request.diarienummer ?? '–', request.seq)}
      </Heading>
      <Paragraph>
        {svUtbetalning.kind[request.kind]}: {formatDate(request.periodFrom)} – {formatDate(request.periodTo)}
      </Paragraph>
      <section className="stack" aria-labelledby="report-h">
        <Heading level={2} data-size="sm" id="report-h">
          {t.report}
        </Heading>
        <Paragraph>{request.reportText}</Paragraph>
      </section>
      <FormErrorSummary errors={toFieldErrors(verify.error)} />
      <TableScroll label={s.vouchers}>
        <Table data-size="sm">
          <caption>{s.vouchers}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s.voucherNumber}</Table.HeaderCell>
              <Table.HeaderCell>{s.supplier}</Table.HeaderCell>
              <Table.HeaderCell>{s.invoiceDate}</Table.HeaderCell>
              <Table.HeaderCell className="num">{s.amountExVat}</Table.HeaderCell>
              <Table.HeaderCell>{t.flags}</Table.HeaderCell>
              <Table.HeaderCell>{t.verdict}</Table.HeaderCell>
              <Table.HeaderCell>{t.reason}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {request.vouchers.map((v, i) => (
              <Table.Row key={v.lineNo} id={`lines-${i}`}>
                <Table.Cell>{v.voucherNumber}</Table.Cell>
                <Table.Cell>{v.supplier}</Table.Cell>
                <Table.Cell>{formatDate(v.invoiceDate)}</Table.Cell>
                <Table.Cell className="num">{formatKronor(v.amountExVat)}</Table.Cell>
                <Table.Cell>{v.flags.map((f) => f.problem).join('. ') || '–'}</Table.Cell>
                <Table.Cell>
                  <Select
                    id={`lines-${i}-verdict`}
                    aria-label={`${t.verdict}, ${v.voucherNumber}`}
                    value={verdicts[v.lineNo].verdict}
                    onChange={(e) =>
                      setVerdicts({
                        ...verdicts,
                        [v.lineNo]: { ...verdicts[v.lineNo], verdict: e.target.value as Verdict },
                      })
                    }
                  >
                    {Object.entries(t.verdicts).map(([k, label]) => (
                      <Select.Option key={k} value={k}>
                        {label}
                      </Select.Option>
                    ))}
                  </Select>
                </Table.Cell>
                <Table.Cell>
                  {verdicts[v.lineNo].verdict === 'avdragen' && (
                    <Select
                      id={`lines-${i}-deductionReason`}
                      aria-label={`${t.reason}, ${v.voucherNumber}`}
                      value={verdicts[v.lineNo].reason}
                      onChange={(e) =>
                        setVerdicts({
                          ...verdicts,
                          [v.lineNo]: { ...verdicts[v.lineNo], reason: e.target.value },
                        })
                      }
                    >
                      <Select.Option value="">{t.chooseReason}</Select.Option>
                      {(reasons.data ?? []).map((r) => (
                        <Select.Option key={r.code} value={r.code}>
                          {r.label}
                        </Select.Option>
                      ))}
                    </Select>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {request.kind === 'slutrapport' && (
        <Checkbox
          id="finalReportApproved"
          label={t.finalApproved}
          checked={finalApproved}
          onChange={(e) => setFinalApproved(e.target.checked)}
        />
      )}
      <div>
        <Button type="submit" loading={verify.isPending}>
          {t.verify}
        </Button>
      </div>
      {verify.isSuccess && (
        <Alert data-color="success" role="status">
          {t.verified}
        </Alert>
      )}
      {result?.calculation && (
        <section className="stack" aria-labelledby="calc-h">
          <Heading level={2} data-size="sm" id="calc-h">
            {t.calculation}
          </Heading>
          <Table data-size="sm">
            <caption className="visually-hidden">{t.calculation}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.calculation}</Table.HeaderCell>
                <Table.HeaderCell className="num">{svUtbetalning.beslutsfattare.net}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.calculation.terms.map((term) => (
                <Table.Row key={term.term}>
                  <Table.Cell>{term.reason}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(term.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Paragraph>
            <strong>{t.toPay(formatKronor(result.calculation.net))}</strong>
          </Paragraph>
        </section>
      )}
    </form>
  );
}
