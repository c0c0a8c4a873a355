import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  aidFormsQueryOptions,
  caseQueryOptions,
  costTypesQueryOptions,
  priorityCriteriaQueryOptions,
  submitCase,
  updateCase,
} from '../../features/ansokan/api';
import { Attachments } from '../../features/ansokan/components/Attachments';
import { useFocusFromHash } from '../../features/ansokan/useFocusFromHash';
import { ProjectTaskList } from '../../features/ansokan/components/ProjectTaskList';
import { parseAmount, sumAmounts } from '../../features/ansokan/amount';
import { toFieldErrors, type FieldError } from '../../api/errors';
import type { Case, Schemas } from '../../api/types';
import { AssuranceNotice, assuranceError } from '../../components/AssuranceNotice';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { svAnsokan } from '../../text/sv-ansokan';

interface CostRow {
  description: string;
  costType: string;
  amount: string;
}

interface Draft {
  aidSubform: string;
  priorityClaims: string[];
  description: string;
  plannedStart: string;
  collectiveAgreement: '' | 'ja' | 'nej';
  amountApplied: string;
  costs: CostRow[];
}

function draftOf(c: Case): Draft {
  const costLines = (c.budgetLines ?? []).filter((l) => l.kind === 'cost');
  return {
    aidSubform: (c.aidSubform as string | null) ?? '',
    priorityClaims: c.priorityClaims,
    description: (c.description as string | null) ?? '',
    plannedStart: (c.plannedStart as string | null) ?? '',
    collectiveAgreement: c.collectiveAgreement === null ? '' : c.collectiveAgreement ? 'ja' : 'nej',
    amountApplied: c.amountApplied === null ? '' : String(c.amountApplied),
    costs: costLines.length
      ? costLines.map((l) => ({
          description: String(l.label ?? ''),
          costType: String(l.code ?? ''),
          amount: String(l.amount ?? ''),
        }))
      : [{ description: '', costType: '', amount: '' }],
  };
}

function bodyOf(d: Draft): Schemas['UpdateCaseDto'] {
  const costLines = d.costs
    .filter((r) => r.description || r.costType || r.amount)
    .map((r) => ({ description: r.description, costType: r.costType, amount: parseAmount(r.amount) }));
  return {
    aidSubform: d.aidSubform || undefined,
    priorityClaims: d.priorityClaims,
    description: d.description || undefined,
    plannedStart: d.plannedStart || undefined,
    collectiveAgreement: d.collectiveAgreement === '' ? undefined : d.collectiveAgreement === 'ja',
    amountApplied: parseAmount(d.amountApplied),
    costLines,
  } as Schemas['UpdateCaseDto'];
}

/** The form's names of the fields the API may name, by input id. */
const labels = { ...svAnsokan.answers, ...sv.sokande.fieldNames };

const time = new Intl.DateTimeFormat('sv-SE', { timeStyle: 'short' });

export default function Ansokan() {
  const { id = '' } = useParams();
  const current = useQuery(caseQueryOptions(id));
  const aidForms = useQuery(aidFormsQueryOptions());
  const form = aidForms.data?.find((f) => f.code === current.data?.aidForm);
  const title =
    current.data?.track === 'projekt' ? svAnsokan.projectTitle : svAnsokan.formTitle(form?.name ?? '');
  usePageTitle(title);
  if (current.isLoading || aidForms.isLoading) return <Loading />;
  if (current.isError || !current.data) return <LoadFailed />;
  if (current.data.status !== 'utkast' && current.data.status !== 'komplettering_begard')
    return <Navigate to={paths.sokande.arende(id)} replace />;
  if (current.data.track === 'projekt') return <ProjectTaskList c={current.data} />;
  return <ApplicationForm initial={current.data} title={title} form={form} />;
}

type AidForm = Schemas['AidFormDto'];

/** The application for company support, any aid form: its sub-forms, cost types, priorities and attachments. */
function ApplicationForm({ initial, title, form }: { initial: Case; title: string; form?: AidForm }) {
  useFocusFromHash();
  const costTypes = useQuery(costTypesQueryOptions());
  const criteria = useQuery(priorityCriteriaQueryOptions());
  const completion = initial.status === 'komplettering_begard';
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const setCost = (i: number, patch: Partial<CostRow>) =>
    change({ costs: draft.costs.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  // Unsaved changes are not lost by closing the tab by mistake.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: (_then?: string) => updateCase(initial.id, bodyOf(draft)),
    onSuccess: (_, then?: string) => {
      setDirty(false);
      setSavedAt(new Date());
      setErrors([]);
      void queryClient.invalidateQueries({ queryKey: ['get'] });
      if (then) void navigate(then);
    },
    onError: (e) => setErrors(toFieldErrors(e, labels)),
  });
  const submit = useMutation({
    mutationFn: async () => {
      await updateCase(initial.id, bodyOf(draft));
      setDirty(false);
      return submitCase(initial.id);
    },
    onSuccess: (submitted) => {
      // The receipt shows the number the submission answered, without waiting for a new read.
      void navigate(paths.sokande.kvitto(initial.id), { state: { diarienummer: submitted.diarienummer } });
      // Marked stale, not read again now: this page would otherwise see the case submitted and move on.
      void queryClient.invalidateQueries({ queryKey: ['get'], refetchType: 'none' });
    },
    onError: (e) => setErrors(assuranceError(e) ?? toFieldErrors(e, labels)),
  });

  const total = sumAmounts(draft.costs.map((r) => r.amount));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // While a completion is asked for, the application is changed and saved, not submitted anew.
    if (completion) save.mutate(paths.sokande.arende(initial.id));
    else submit.mutate();
  };

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{initial.title}</Paragraph>
      <FormErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate className="stack">
        {!!form?.subforms.length && (
          <Fieldset id="aidSubform" tabIndex={-1}>
            <Fieldset.Legend>{svAnsokan.subform}</Fieldset.Legend>
            <Fieldset.Description>{svAnsokan.subformHint}</Fieldset.Description>
            {form.subforms.map((sub) => (
              <Radio
                key={sub.code}
                name="aidSubform"
                value={sub.code}
                label={sub.name}
                checked={draft.aidSubform === sub.code}
                onChange={() => change({ aidSubform: sub.code })}
              />
            ))}
            {errorFor(errors, 'aidSubform') && (
              <ValidationMessage>{errorFor(errors, 'aidSubform')}</ValidationMessage>
            )}
          </Fieldset>
        )}
        <Textfield
          id="description"
          multiline
          rows={5}
          label={sv.sokande.description}
          value={draft.description}
          maxLength={20000}
          onChange={(e) => change({ description: e.target.value })}
          error={errorFor(errors, 'description')}
        />
        <Textfield
          id="plannedStart"
          label={sv.sokande.plannedStart}
          description={sv.sokande.plannedStartHint}
          value={draft.plannedStart}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => change({ plannedStart: e.target.value })}
          error={errorFor(errors, 'plannedStart')}
          required
        />
        <Fieldset id="collectiveAgreement" tabIndex={-1}>
          <Fieldset.Legend>{sv.sokande.collectiveAgreement}</Fieldset.Legend>
          <Radio
            name="collectiveAgreement"
            value="ja"
            label={sv.sokande.yes}
            checked={draft.collectiveAgreement === 'ja'}
            onChange={() => change({ collectiveAgreement: 'ja' })}
          />
          <Radio
            name="collectiveAgreement"
            value="nej"
            label={sv.sokande.no}
            checked={draft.collectiveAgreement === 'nej'}
            onChange={() => change({ collectiveAgreement: 'nej' })}
          />
          {errorFor(errors, 'collectiveAgreement') && (
            <ValidationMessage>{errorFor(errors, 'collectiveAgreement')}</ValidationMessage>
          )}
        </Fieldset>

        <Fieldset id="costLines" tabIndex={-1}>
          <Fieldset.Legend>{sv.sokande.costsLegend}</Fieldset.Legend>
          <Fieldset.Description>
            {sv.sokande.costsHint}
            {!!form?.costTypes.length &&
              ` ${svAnsokan.acceptedCostTypes(
                form.costTypes.map((c) => costTypes.data?.find((x) => x.code === c)?.name ?? c),
              )}`}
          </Fieldset.Description>
          {errorFor(errors, 'costLines') && (
            <ValidationMessage>{errorFor(errors, 'costLines')}</ValidationMessage>
          )}
          <div className="table-scroll">
            <Table>
              <caption className="visually-hidden">{sv.sokande.costsLegend}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>Beskrivning</Table.HeaderCell>
                  <Table.HeaderCell>Kostnadsslag</Table.HeaderCell>
                  <Table.HeaderCell className="num">Belopp</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="visually-hidden">Åtgärd</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {draft.costs.map((row, i) => {
                  const n = i + 1;
                  const idOf = (f: string) => `costLines-${i}-${f}`;
                  return (
                    <Table.Row key={i}>
                      <Table.Cell>
                        <Textfield
                          id={idOf('description')}
                          aria-label={sv.sokande.costDescription(n)}
                          value={row.description}
                          maxLength={300}
                          onChange={(e) => setCost(i, { description: e.target.value })}
                          error={errorFor(errors, idOf('description'))}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <Select
                          id={idOf('costType')}
                          aria-label={sv.sokande.costType(n)}
                          value={row.costType}
                          onChange={(e) => setCost(i, { costType: e.target.value })}
                          aria-invalid={!!errorFor(errors, idOf('costType'))}
                        >
                          <Select.Option value="">{svAnsokan.choose}</Select.Option>
                          {(costTypes.data ?? []).map((ct) => (
                            <Select.Option key={ct.code} value={ct.code}>
                              {ct.name}
                            </Select.Option>
                          ))}
                        </Select>
                        {errorFor(errors, idOf('costType')) && (
                          <ValidationMessage>{errorFor(errors, idOf('costType'))}</ValidationMessage>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <Textfield
                          id={idOf('amount')}
                          aria-label={sv.sokande.costAmount(n)}
                          inputMode="numeric"
                          suffix="kr"
                          value={row.amount}
                          onChange={(e) => setCost(i, { amount: e.target.value })}
                          error={errorFor(errors, idOf('amount'))}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        {draft.costs.length > 1 && (
                          <Button
                            type="button"
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => change({ costs: draft.costs.filter((_, j) => j !== i) })}
                          >
                            {sv.sokande.removeCost(n)}
                          </Button>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
              <Table.Foot>
                <Table.Row>
                  <Table.HeaderCell scope="row">{sv.sokande.costsTotal}</Table.HeaderCell>
                  <Table.Cell />
                  <Table.Cell className="num" aria-live="polite">
                    {formatKronor(total)}
                  </Table.Cell>
                  <Table.Cell />
                </Table.Row>
              </Table.Foot>
            </Table>
          </div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => change({ costs: [...draft.costs, { description: '', costType: '', amount: '' }] })}
          >
            {sv.sokande.addCost}
          </Button>
        </Fieldset>

        <Textfield
          id="amountApplied"
          label={sv.sokande.amountApplied}
          description={sv.sokande.amountAppliedHint}
          inputMode="numeric"
          suffix="kr"
          value={draft.amountApplied}
          onChange={(e) => change({ amountApplied: e.target.value })}
          error={errorFor(errors, 'amountApplied')}
          required
        />

        <AssuranceNotice />

        {!!form?.priorityCriteria.length && (
          <Fieldset id="priorityClaims" tabIndex={-1}>
            <Fieldset.Legend>{svAnsokan.priorityLegend}</Fieldset.Legend>
            <Fieldset.Description>{svAnsokan.priorityHint}</Fieldset.Description>
            {form.priorityCriteria.map((code) => (
              <Checkbox
                key={code}
                value={code}
                label={criteria.data?.find((x) => x.code === code)?.text ?? code}
                checked={draft.priorityClaims.includes(code)}
                onChange={(e) =>
                  change({
                    priorityClaims: e.target.checked
                      ? [...draft.priorityClaims, code]
                      : draft.priorityClaims.filter((x) => x !== code),
                  })
                }
              />
            ))}
            {errorFor(errors, 'priorityClaims') && (
              <ValidationMessage>{errorFor(errors, 'priorityClaims')}</ValidationMessage>
            )}
          </Fieldset>
        )}

        <Heading level={2} data-size="md">
          {svAnsokan.attachmentsTask}
        </Heading>
        <Attachments
          caseId={initial.id}
          track="foretagsstod"
          aidForm={initial.aidForm as string | null}
          problems={errors}
        />

        <div className="row">
          {completion ? (
            <Button
              type="button"
              onClick={() => save.mutate(paths.sokande.arende(initial.id))}
              loading={save.isPending}
            >
              {svAnsokan.completion.backToCase}
            </Button>
          ) : (
            <>
              <Button type="submit" loading={submit.isPending}>
                {sv.sokande.submit}
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => save.mutate(paths.sokande.kontrollera(initial.id))}
                loading={save.isPending && save.variables !== undefined}
              >
                {svAnsokan.toCheck}
              </Button>
            </>
          )}
          <Button
            type="button"
            variant="secondary"
            onClick={() => save.mutate(undefined)}
            loading={save.isPending && save.variables === undefined}
          >
            {sv.sokande.saveDraft}
          </Button>
          <span role="status">{savedAt && !dirty ? sv.sokande.savedAt(time.format(savedAt)) : ''}</span>
        </div>
      </form>
    </div>
  );
}
