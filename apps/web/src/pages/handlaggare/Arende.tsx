import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { caseQueryOptions } from '../../features/ansokan/api';
import { caseDecisionsQueryOptions, previewLetter, saveBlob } from '../../features/arende/api';
import { Assignment } from '../../features/arende/components/Assignment';
import { Attachments } from '../../features/arende/components/Attachments';
import { Completion } from '../../features/arende/components/Completion';
import { Frames } from '../../features/arende/components/Frames';
import { useMe } from '../../app/auth';
import {
  assess,
  draftDecision,
  evaluationQueryOptions,
  historyQueryOptions,
  transition,
} from '../../features/bedomning/api';
import { parseAmount } from '../../features/ansokan/amount';
import { toFieldErrors } from '../../api/errors';
import type { Case, StoredEvaluation } from '../../api/types';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { StatusTag } from '../../components/StatusTag';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate, formatDateTime, formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { svHandlaggning } from '../../text/sv-handlaggning';

const t = sv.handlaggare;

/** The officer's case page: the application, the evaluation beside it, the decision draft and the history. */
export default function HandlaggareArende() {
  const { id = '' } = useParams();
  const c = useQuery(caseQueryOptions(id));
  const { me } = useMe();
  const dnr = c.data ? String(c.data.diarienummer ?? '') : '';
  usePageTitle(t.caseTitle(dnr));
  if (c.isLoading) return <Loading />;
  if (c.isError || !c.data) return <LoadFailed />;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.caseTitle(dnr)}
      </Heading>
      <dl className="facts">
        <dt>{t.title}</dt>
        <dd>{c.data.title}</dd>
        <dt>{t.organisation}</dt>
        <dd>{String(c.data.organisationName ?? '–')}</dd>
        <dt>{t.status}</dt>
        <dd>
          <StatusTag status={c.data.status} />
        </dd>
        <dt>{t.registered}</dt>
        <dd>{formatDate(c.data.registrationDate as string | null)}</dd>
      </dl>
      <Assignment c={c.data} me={me?.userId} />
      <div className="side-by-side">
        <Application c={c.data} />
        <Evaluation c={c.data} />
      </div>
      <Completion c={c.data} />
      <Attachments caseId={id} />
      <Decisions c={c.data} />
      <History id={id} />
    </div>
  );
}

function Application({ c }: { c: Case }) {
  const costs = (c.budgetLines ?? []).filter((l) => l.kind === 'cost');
  return (
    <section className="stack" aria-labelledby="ansokan">
      <Heading level={2} data-size="md" id="ansokan">
        {t.application}
      </Heading>
      <dl className="facts">
        <dt>{t.aidForm}</dt>
        <dd>{String(c.aidForm ?? (c.track === 'projekt' ? 'Projekt' : '–'))}</dd>
        <dt>{t.amountApplied}</dt>
        <dd>{formatKronor(c.amountApplied as number | null)}</dd>
        <dt>{sv.sokande.fieldNames.plannedStart}</dt>
        <dd>{formatDate(c.plannedStart as string | null)}</dd>
      </dl>
      {c.description && <Paragraph>{String(c.description)}</Paragraph>}
      {costs.length > 0 && (
        <div className="table-scroll">
          <Table data-size="sm">
            <caption>{t.costs}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Beskrivning</Table.HeaderCell>
                <Table.HeaderCell>Kostnadsslag</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.amount}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {costs.map((l, i) => (
                <Table.Row key={i}>
                  <Table.Cell>{String(l.label ?? '')}</Table.Cell>
                  <Table.Cell>{sv.sokande.costTypes[l.code] ?? l.code}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(l.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row">{sv.sokande.costsTotal}</Table.HeaderCell>
                <Table.Cell />
                <Table.Cell className="num">{formatKronor(c.budgetSummary.costsTotal)}</Table.Cell>
              </Table.Row>
            </Table.Foot>
          </Table>
        </div>
      )}
    </section>
  );
}

function Evaluation({ c }: { c: Case }) {
  const queryClient = useQueryClient();
  const ev = useQuery(evaluationQueryOptions(c.id));
  // A completion that came in resumes the handling; a new case starts it.
  const start = useMutation({
    mutationFn: () =>
      transition(c.id, c.status === 'inskickad' ? 'paborja_handlaggning' : 'ateruppta_handlaggning'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get'] }),
  });
  const run = useMutation({
    mutationFn: () => assess(c.id),
    onSuccess: (stored) => {
      queryClient.setQueryData(evaluationQueryOptions(c.id).queryKey, stored);
      void queryClient.invalidateQueries({ queryKey: ['get'] });
    },
  });
  const canStart = c.status === 'inskickad' || c.status === 'komplettering_inkommen';
  return (
    <section className="stack" aria-labelledby="bedomning">
      <Heading level={2} data-size="md" id="bedomning">
        {t.evaluation}
      </Heading>
      <div className="row">
        {canStart && (
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {c.status === 'inskickad' ? t.startHandling : svHandlaggning.completion.resume}
          </Button>
        )}
        {c.status === 'under_handlaggning' && (
          <Button
            variant={ev.data ? 'secondary' : 'primary'}
            onClick={() => run.mutate()}
            loading={run.isPending}
          >
            {t.assess}
          </Button>
        )}
      </div>
      <FormErrorSummary errors={[...toFieldErrors(start.error), ...toFieldErrors(run.error)]} />
      {ev.isLoading && <Loading />}
      {ev.data === null && <Paragraph>{t.notAssessed}</Paragraph>}
      {ev.data && <EvaluationView stored={ev.data} />}
      {ev.data && <Frames frames={ev.data.frames} />}
    </section>
  );
}

function EvaluationView({ stored }: { stored: StoredEvaluation }) {
  const e = stored.evaluation;
  const eligible = e.outcome !== 'not_eligible';
  const label =
    e.outcome === 'eligible'
      ? t.eligible
      : e.outcome === 'eligible_with_remarks'
        ? t.eligibleWithRemarks
        : t.notEligible;
  return (
    <div className="stack">
      <Paragraph>
        <Tag data-color={e.outcome === 'eligible' ? 'success' : eligible ? 'warning' : 'danger'}>{label}</Tag>
      </Paragraph>
      <div className="table-scroll">
        <Table data-size="sm">
          <caption>{t.checks}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.check}</Table.HeaderCell>
              <Table.HeaderCell>{t.result}</Table.HeaderCell>
              <Table.HeaderCell>{t.reference}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {e.checks.map((ch, i) => (
              <Table.Row key={i}>
                <Table.Cell>{ch.reason}</Table.Cell>
                <Table.Cell>
                  {ch.passed ? t.passed : ch.severity === 'refusal' ? t.failed : t.manual}
                </Table.Cell>
                <Table.Cell>{ch.ref}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="table-scroll">
        <Table data-size="sm">
          <caption>
            {t.maximum}: {formatKronor(e.maxGrant.amount)}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.term}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t.amount}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {e.maxGrant.terms.map((term) => (
              <Table.Row key={term.term}>
                <Table.Cell>
                  {term.reason}
                  {e.maxGrant.limitedBy.includes(term.term) ? ` (${t.limiting})` : ''}
                </Table.Cell>
                <Table.Cell className="num">{formatKronor(term.amount)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

function Decisions({ c }: { c: Case }) {
  const queryClient = useQueryClient();
  const decisions = useQuery(caseDecisionsQueryOptions(c.id));
  const ev = useQuery(evaluationQueryOptions(c.id));
  const [outcome, setOutcome] = useState<'bifall' | 'avslag'>('bifall');
  const [amount, setAmount] = useState('');
  const [grounds, setGrounds] = useState('');
  const draft = useMutation({
    mutationFn: () =>
      draftDecision(c.id, {
        outcome,
        ...(outcome === 'bifall' && amount ? { amount: parseAmount(amount) as number } : {}),
        ...(outcome === 'avslag' && grounds ? { rejectionGrounds: grounds } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get'] }),
  });
  const errors = toFieldErrors(draft.error, {
    amount: t.decisionAmount,
    outcome: t.outcome,
    rejectionGrounds: t.rejectionGrounds,
  });
  const open = decisions.data?.find((d) => d.status === 'utkast');
  const returned = open?.returnedAt ? open : undefined;
  const preview = useMutation({
    mutationFn: async (id: string) =>
      saveBlob(await previewLetter(id), svHandlaggning.preview.filename(String(c.diarienummer ?? id))),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    draft.mutate();
  };
  return (
    <section className="stack" aria-labelledby="beslut">
      <Heading level={2} data-size="md" id="beslut">
        {t.decisions}
      </Heading>
      {decisions.data && decisions.data.length > 0 && (
        <div className="table-scroll">
          <Table data-size="sm">
            <caption className="visually-hidden">{t.decisions}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.outcome}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.decisionAmount}</Table.HeaderCell>
                <Table.HeaderCell>{t.status}</Table.HeaderCell>
                <Table.HeaderCell>{t.signedBy}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {decisions.data.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{sv.decision.outcome[d.outcome] ?? d.outcome}</Table.Cell>
                  <Table.Cell className="num">{formatKronor(d.amount as number | null)}</Table.Cell>
                  <Table.Cell>{sv.decision.status[d.status] ?? d.status}</Table.Cell>
                  <Table.Cell>
                    {d.signedByName
                      ? `${String(d.signedByName)}, ${formatDateTime(d.signedAt as string)}`
                      : '–'}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {returned && (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {svHandlaggning.returned.heading}
          </Heading>
          <Paragraph>{svHandlaggning.returned.body(String(returned.returnComment ?? ''))}</Paragraph>
          <Paragraph>{svHandlaggning.returned.next}</Paragraph>
        </Alert>
      )}
      {open && !returned && <Alert data-color="info">{t.awaitingSignature}</Alert>}
      {open && (
        <div className="stack">
          <Paragraph data-size="sm">{svHandlaggning.preview.hint}</Paragraph>
          <div>
            <Button variant="secondary" onClick={() => preview.mutate(open.id)} loading={preview.isPending}>
              {svHandlaggning.preview.button}
            </Button>
          </div>
          <FormErrorSummary errors={toFieldErrors(preview.error)} />
        </div>
      )}
      {c.status === 'under_handlaggning' && ev.data && (!open || returned) && (
        <form onSubmit={submit} noValidate className="stack narrow">
          <FormErrorSummary errors={errors} />
          <Fieldset>
            <Fieldset.Legend>{t.outcome}</Fieldset.Legend>
            <Radio
              name="outcome"
              value="bifall"
              label={t.bifall}
              checked={outcome === 'bifall'}
              onChange={() => setOutcome('bifall')}
            />
            <Radio
              name="outcome"
              value="avslag"
              label={t.avslag}
              checked={outcome === 'avslag'}
              onChange={() => setOutcome('avslag')}
            />
          </Fieldset>
          {outcome === 'bifall' && (
            <Textfield
              id="amount"
              label={t.decisionAmount}
              description={t.decisionAmountHint(formatKronor(ev.data.evaluation.maxGrant.amount))}
              inputMode="numeric"
              suffix="kr"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={errorFor(errors, 'amount')}
            />
          )}
          {outcome === 'avslag' && (
            <Textfield
              id="rejectionGrounds"
              multiline
              rows={3}
              label={t.rejectionGrounds}
              value={grounds}
              onChange={(e) => setGrounds(e.target.value)}
              error={errorFor(errors, 'rejectionGrounds')}
            />
          )}
          <Button type="submit" loading={draft.isPending}>
            {t.draftDecision}
          </Button>
        </form>
      )}
    </section>
  );
}

function History({ id }: { id: string }) {
  const h = useQuery(historyQueryOptions(id));
  if (!h.data) return null;
  return (
    <section className="stack" aria-labelledby="historik">
      <Heading level={2} data-size="md" id="historik">
        {t.history}
      </Heading>
      <div className="table-scroll">
        <Table data-size="sm">
          <caption className="visually-hidden">{t.history}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.when}</Table.HeaderCell>
              <Table.HeaderCell>{t.who}</Table.HeaderCell>
              <Table.HeaderCell>{t.what}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {h.data.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                <Table.Cell>{e.actor}</Table.Cell>
                <Table.Cell>
                  {e.action}
                  {e.reason ? ` – ${String(e.reason)}` : ''}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
