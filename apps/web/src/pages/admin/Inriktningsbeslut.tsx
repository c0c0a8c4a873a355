import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import {
  aidFormsOf,
  decisionsQueryOptions,
  runWhatIf,
  saveDraft,
  withAidForms,
  type AidFormLimits,
  type Inriktningsbeslut as Decision,
} from '../../features/inriktningsbeslut/api';
import { parseAmount } from '../../features/ansokan/amount';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate, formatKronor } from '../../format';
import { sv } from '../../text/sv';

const t = sv.admin;
type Field = 'maxShareBp' | 'maxPerDecision' | 'maxPerCompany';
const FIELDS: Field[] = ['maxShareBp', 'maxPerDecision', 'maxPerCompany'];

/** The input id that shows a limit, as the API names it in the rule set (content.aidForms.<code>.<field>). */
const inputId = (code: string, field: Field) => `content-aidForms-${code}-${field}`;
const shown = (f: AidFormLimits, field: Field) => {
  const v = f[field];
  if (v === null) return '';
  return field === 'maxShareBp' ? String(v / 100) : String(v);
};
/** Per cent (as typed) to basis points, kronor to whole kronor; anything else as typed, for the API to name. */
function valueOf(field: Field, typed: string): number | string | null {
  if (typed.trim() === '') return null;
  if (field !== 'maxShareBp') return parseAmount(typed) ?? null;
  const p = typed.trim().replace(',', '.');
  return /^\d{1,3}(\.\d{1,2})?$/.test(p) ? Math.round(Number(p) * 100) : typed;
}

/** The admin edits a draft inriktningsbeslut in a form and sees the what-if against the decision in force. */
export default function Inriktningsbeslut() {
  usePageTitle(t.title);
  const list = useQuery(decisionsQueryOptions());
  if (list.isLoading) return <Loading />;
  if (list.isError || !list.data) return <LoadFailed />;
  const draft = list.data.find((d) => d.status === 'utkast') ?? null;
  const inForce =
    list.data
      .filter((d) => d.status === 'antaget')
      .sort((a, b) => String(b.validFrom).localeCompare(String(a.validFrom)))[0] ?? null;
  const base = draft ?? inForce;
  if (!base) return <Alert data-color="info">{t.none}</Alert>;
  return <Editor base={base} draftId={draft?.id ?? null} inForce={inForce} />;
}

function Editor({
  base,
  draftId,
  inForce,
}: {
  base: Decision;
  draftId: string | null;
  inForce: Decision | null;
}) {
  const forms = useMemo(() => aidFormsOf(base.content), [base]);
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      forms.flatMap((f) => FIELDS.map((field) => [inputId(f.code, field), shown(f, field)])),
    ),
  );
  const queryClient = useQueryClient();
  const content = () =>
    withAidForms(
      base.content,
      Object.fromEntries(
        forms.map((f) => [
          f.code,
          Object.fromEntries(
            FIELDS.map((field) => [field, valueOf(field, typed[inputId(f.code, field)] ?? '')]),
          ),
        ]),
      ),
    );
  const whatIf = useMutation({ mutationFn: () => runWhatIf(content()) });
  const save = useMutation({
    mutationFn: () => saveDraft(draftId, content()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get'] }),
  });
  const labels = Object.fromEntries(
    forms.flatMap((f) =>
      FIELDS.map((field) => [inputId(f.code, field), `${f.name}, ${t.fields[field].toLowerCase()}`]),
    ),
  );
  const errors = [...toFieldErrors(whatIf.error, labels), ...toFieldErrors(save.error, labels)];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    whatIf.mutate();
  };
  const changed = whatIf.data?.cases.filter((c) => c.changed) ?? [];

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>
        {draftId
          ? t.editingDraft(base.title)
          : t.basedOn(base.title, formatDate(String(inForce?.validFrom ?? '')))}
      </Paragraph>
      <FormErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate className="stack">
        <div className="table-scroll">
          <Table data-size="sm">
            <caption>{t.aidForms}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{sv.handlaggare.aidForm}</Table.HeaderCell>
                {FIELDS.map((field) => (
                  <Table.HeaderCell key={field}>{t.fields[field]}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {forms.map((f) => (
                <Table.Row key={f.code}>
                  <Table.HeaderCell scope="row">{f.name}</Table.HeaderCell>
                  {FIELDS.map((field) => {
                    const id = inputId(f.code, field);
                    return (
                      <Table.Cell key={field}>
                        <Textfield
                          id={id}
                          aria-label={`${f.name}, ${t.fields[field].toLowerCase()}`}
                          inputMode="numeric"
                          suffix={field === 'maxShareBp' ? '%' : 'kr'}
                          value={typed[id] ?? ''}
                          onChange={(e) => setTyped({ ...typed, [id]: e.target.value })}
                          error={errorFor(errors, id)}
                        />
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <div className="row">
          <Button type="submit" loading={whatIf.isPending}>
            {t.runWhatIf}
          </Button>
          <Button type="button" variant="secondary" onClick={() => save.mutate()} loading={save.isPending}>
            {sv.sokande.saveDraft}
          </Button>
          {save.isSuccess && <span role="status">{t.saved}</span>}
        </div>
      </form>
      {whatIf.isPending && (
        <Paragraph role="status">
          <Spinner aria-hidden data-size="sm" /> {t.running}
        </Paragraph>
      )}
      {whatIf.data && (
        <section className="stack" aria-labelledby="konsekvenser">
          <Heading level={2} data-size="md" id="konsekvenser">
            {t.resultTitle}
          </Heading>
          <Paragraph role="status">{t.summary(whatIf.data.changedCases, whatIf.data.openCases)}</Paragraph>
          {changed.length > 0 && (
            <div className="table-scroll">
              <Table data-size="sm">
                <caption>{t.changedCases}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{sv.handlaggare.diarienummer}</Table.HeaderCell>
                    <Table.HeaderCell>{sv.handlaggare.title}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t.maxNow}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t.maxDraft}</Table.HeaderCell>
                    <Table.HeaderCell>{t.outcomeDraft}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {changed.map((c) => (
                    <Table.Row key={c.caseId}>
                      <Table.Cell>{c.diarienummer ?? '–'}</Table.Cell>
                      <Table.Cell>{c.title}</Table.Cell>
                      <Table.Cell className="num">
                        {c.current ? formatKronor(c.current.maxGrant) : '–'}
                      </Table.Cell>
                      <Table.Cell className="num">{formatKronor(c.draft.maxGrant)}</Table.Cell>
                      <Table.Cell>{t.outcomes[c.draft.outcome] ?? c.draft.outcome}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
