import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Details,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  decisionsQueryOptions,
  runWhatIf,
  type WhatIfResult,
  saveDraft,
  type Inriktningsbeslut as Decision,
} from '../../features/inriktningsbeslut/api';
import {
  contentWith,
  fieldsOf,
  shownValue,
  valueAt,
  type DraftField,
} from '../../features/inriktningsbeslut/form';
import { toFieldErrors, type FieldError } from '../../api/errors';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { Progress } from '../../components/Progress';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { formatBasisPoints, formatDate, formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { svInriktning as ti } from '../../text/sv-inriktning';

const t = sv.admin;

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
  return <Editor key={base.id} base={base} isDraft={!!draft} inForce={inForce} />;
}

function Editor({ base, isDraft, inForce }: { base: Decision; isDraft: boolean; inForce: Decision | null }) {
  const fields = useMemo(() => fieldsOf(base.content), [base]);
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.id, shownValue(f, valueAt(base.content, f.path))])),
  );
  const queryClient = useQueryClient();
  const content = () => contentWith(base.content, fields, typed);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['get'] });
  const whatIf = useMutation({ mutationFn: (page: number) => runWhatIf(content(), page) });
  const save = useMutation({
    mutationFn: () => saveDraft(isDraft ? base.id : null, content()),
    onSuccess: refresh,
  });
  const create = useMutation({
    mutationFn: () => saveDraft(null, (inForce ?? base).content),
    onSuccess: refresh,
  });
  const labels = Object.fromEntries(fields.map((f) => [f.id, f.group ? `${f.group}, ${f.label}` : f.label]));
  const errors = [
    ...toFieldErrors(whatIf.error, labels),
    ...toFieldErrors(save.error, labels),
    ...toFieldErrors(create.error, labels),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    whatIf.mutate(1);
  };
  const input = (f: DraftField) => (
    <Input
      key={f.id}
      field={f}
      value={typed[f.id] ?? ''}
      onChange={(v) => setTyped((prev) => ({ ...prev, [f.id]: v }))}
      errors={errors}
      inForce={inForce && isDraft ? valueAt(inForce.content, f.path) : undefined}
    />
  );
  const section = (s: DraftField['section']) => fields.filter((f) => f.section === s);
  const groups = (s: DraftField['section']) => {
    const by = new Map<string, DraftField[]>();
    for (const f of section(s)) by.set(f.group ?? '', [...(by.get(f.group ?? '') ?? []), f]);
    return [...by.entries()];
  };
  const notes = (base.content.aidForms ?? {}) as Record<string, { name: string; geography?: Geo }>;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>
        {isDraft
          ? t.editingDraft(base.title)
          : t.basedOn(base.title, formatDate(String(inForce?.validFrom ?? '')))}
      </Paragraph>
      {!isDraft && (
        <div className="stack">
          <Paragraph data-size="sm">{ti.newDraftHint}</Paragraph>
          <div className="row">
            <Button
              type="button"
              variant="secondary"
              onClick={() => create.mutate()}
              loading={create.isPending}
            >
              {ti.newDraft}
            </Button>
          </div>
          <Progress active={create.isPending} text={ti.creating} />
        </div>
      )}
      <FormErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate className="stack">
        <Section id="beslutet" title={ti.sections.decision}>
          {section('decision').map(input)}
        </Section>
        <Section id="ramar" title={ti.sections.frames} intro={ti.sections.framesIntro}>
          {groups('frames').map(([group, fs]) => (
            <Fieldset key={group}>
              <Fieldset.Legend>{group}</Fieldset.Legend>
              {fs.map(input)}
            </Fieldset>
          ))}
        </Section>
        <Section id="stodformer" title={ti.sections.aidForms} intro={ti.sections.aidFormsIntro}>
          {groups('aidForms').map(([group, fs]) => {
            const geo = Object.values(notes).find((n) => n.name === group)?.geography;
            return (
              <Fieldset key={group}>
                <Fieldset.Legend>{group}</Fieldset.Legend>
                {fs.map(input)}
                {geo && geo.kind !== 'outside_tatort' && (
                  <Paragraph data-size="sm">
                    {ti.fields.geography}: {geographyText(geo)}
                  </Paragraph>
                )}
              </Fieldset>
            );
          })}
        </Section>
        <Section id="prioriteringar" title={ti.sections.priorities}>
          {groups('priorities').map(([group, fs]) => (
            <Fieldset key={group}>
              <Fieldset.Legend>{group}</Fieldset.Legend>
              {fs.map(input)}
            </Fieldset>
          ))}
        </Section>
        <div className="row">
          <Button type="submit" loading={whatIf.isPending}>
            {t.runWhatIf}
          </Button>
          <Button type="button" variant="secondary" onClick={() => save.mutate()} loading={save.isPending}>
            {sv.sokande.saveDraft}
          </Button>
        </div>
        <div role="status">{save.isSuccess && t.saved}</div>
      </form>
      <Progress active={whatIf.isPending} text={t.running} />
      {whatIf.data && (
        <WhatIf result={whatIf.data} busy={whatIf.isPending} onPage={(page) => whatIf.mutate(page)} />
      )}
    </div>
  );
}

type Geo = { kind: string; tatort?: string; programme?: string };
function geographyText(g: Geo): string {
  if (g.kind === 'rural') return ti.geographies.rural(g.tatort ?? '');
  if (g.kind === 'service_area') return ti.geographies.service_area(g.programme ?? '');
  return ti.geographies.whole_county;
}

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {intro && <Paragraph data-size="sm">{intro}</Paragraph>}
      {children}
    </section>
  );
}

function inForceText(f: DraftField, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (f.kind === 'kronor' || f.kind === 'optionalKronor' || f.kind === 'subframe')
    return ti.inForceValue(typeof v === 'number' ? formatKronor(v) : '–');
  if (f.kind === 'percent') return ti.inForceValue(typeof v === 'number' ? formatBasisPoints(v) : '–');
  return undefined;
}

function Input({
  field: f,
  value,
  onChange,
  errors,
  inForce,
}: {
  field: DraftField;
  value: string;
  onChange: (v: string) => void;
  errors: FieldError[];
  inForce: unknown;
}) {
  const error = errorFor(errors, f.id);
  const description = [f.hint, inForceText(f, inForce)].filter(Boolean).join(' ') || undefined;
  if (f.kind === 'list')
    return (
      <CheckboxGroup
        id={f.id}
        legend={f.label}
        description={description}
        options={(f.options ?? []).map((o) => ({ value: o, label: f.optionLabels?.[o] ?? o }))}
        value={value ? value.split(',') : []}
        onChange={(next) => onChange(next.join(','))}
        error={error}
      />
    );
  if (f.kind === 'choice')
    return (
      <Field>
        <Label htmlFor={f.id}>{f.label}</Label>
        <Select id={f.id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error}>
          {(f.options ?? []).map((o) => (
            <Select.Option key={o} value={o}>
              {f.optionLabels?.[o] ?? o}
            </Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
    );
  const numeric = ['kronor', 'optionalKronor', 'subframe', 'percent', 'count'].includes(f.kind);
  const common = { id: f.id, label: f.label, description, error };
  if (f.kind === 'longText')
    return (
      <Textfield {...common} multiline rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    );
  return (
    <Textfield
      {...common}
      inputMode={numeric ? 'numeric' : undefined}
      suffix={f.kind === 'percent' ? '%' : numeric && f.kind !== 'count' ? 'kr' : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function WhatIf({
  result,
  busy,
  onPage,
}: {
  result: WhatIfResult;
  busy: boolean;
  onPage: (page: number) => void;
}) {
  const changed = result.cases;
  const unchanged = result.unchanged;
  const first = (unchanged.page - 1) * unchanged.pageSize;
  const table = (caption: string, cases: typeof result.cases) => (
    <div className="table-scroll">
      <Table data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{sv.handlaggare.diarienummer}</Table.HeaderCell>
            <Table.HeaderCell>{sv.handlaggare.title}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t.maxNow}</Table.HeaderCell>
            <Table.HeaderCell className="num">{t.maxDraft}</Table.HeaderCell>
            <Table.HeaderCell>{ti.outcomeNow}</Table.HeaderCell>
            <Table.HeaderCell>{t.outcomeDraft}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {cases.map((c) => (
            <Table.Row key={c.caseId}>
              <Table.Cell>{c.diarienummer ?? '–'}</Table.Cell>
              <Table.Cell>{c.title}</Table.Cell>
              <Table.Cell className="num">{c.current ? formatKronor(c.current.maxGrant) : '–'}</Table.Cell>
              <Table.Cell className="num">{formatKronor(c.draft.maxGrant)}</Table.Cell>
              <Table.Cell>
                {c.current ? (t.outcomes[c.current.outcome] ?? c.current.outcome) : '–'}
              </Table.Cell>
              <Table.Cell>{t.outcomes[c.draft.outcome] ?? c.draft.outcome}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
  return (
    <section className="stack" aria-labelledby="konsekvenser">
      <Heading level={2} data-size="md" id="konsekvenser">
        {t.resultTitle}
      </Heading>
      <Paragraph>{t.summary(result.changedCases, result.openCases)}</Paragraph>
      {changed.length > 0 && table(t.changedCases, changed)}
      {unchanged.total > 0 && (
        <Details>
          <Details.Summary>{ti.unchangedCases(unchanged.total)}</Details.Summary>
          <Details.Content>
            {table(ti.unchangedCases(unchanged.total), unchanged.items)}
            {unchanged.total > unchanged.pageSize && (
              <div className="stack">
                <Paragraph>
                  {ti.unchangedShown(first + 1, first + unchanged.items.length, unchanged.total)}
                </Paragraph>
                <div>
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={busy || unchanged.page <= 1}
                    onClick={() => onPage(unchanged.page - 1)}
                  >
                    {ti.previousPage}
                  </Button>{' '}
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={busy || first + unchanged.items.length >= unchanged.total}
                    onClick={() => onPage(unchanged.page + 1)}
                  >
                    {ti.nextPage}
                  </Button>
                </div>
              </div>
            )}
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
