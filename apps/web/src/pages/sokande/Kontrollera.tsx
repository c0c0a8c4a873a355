import { useState, type ReactNode } from 'react';
import { Link as RouterLink, Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import {
  aidFormsQueryOptions,
  attachmentsQueryOptions,
  attachmentTypesQueryOptions,
  caseQueryOptions,
  costTypesQueryOptions,
  priorityCriteriaQueryOptions,
  rusQueryOptions,
  sectionsQueryOptions,
  submissionCheckQueryOptions,
  submitCase,
} from '../../features/ansokan/api';
import { requiredHere } from '../../features/ansokan/components/Attachments';
import { ABOUT, ATTACHMENTS, BUDGET, sectionTask } from '../../features/ansokan/tasks';
import { ApiError, fieldId, type FieldError } from '../../api/errors';
import type { Case } from '../../api/types';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { svAnsokan } from '../../text/sv-ansokan';

const t = svAnsokan;

interface Row {
  /** The id of the answer on this page; the API's field for it, as an id (`sections-bakgrund`). */
  id: string;
  label: string;
  value: ReactNode;
  /** Where the answer is changed. */
  change: string;
}

/**
 * Check your answers: every answer with a link to change it, and every problem the API's submission
 * check finds, in a summary at the top linking to the answer and again beside it. Then "Skicka in".
 */
export default function Kontrollera() {
  const { id = '' } = useParams();
  usePageTitle(t.checkTitle);
  const c = useQuery(caseQueryOptions(id));
  const check = useQuery(submissionCheckQueryOptions(id));
  const aidForms = useQuery(aidFormsQueryOptions());
  const sections = useQuery(sectionsQueryOptions());
  const types = useQuery(attachmentTypesQueryOptions());
  const files = useQuery(attachmentsQueryOptions(id));
  const costTypes = useQuery(costTypesQueryOptions());
  const criteria = useQuery(priorityCriteriaQueryOptions());
  const rus = useQuery(rusQueryOptions());
  const reads = [aidForms, sections, types, files, costTypes, criteria, rus];
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: () => submitCase(id),
    onSuccess: (submitted) => {
      void navigate(paths.sokande.kvitto(id), { state: { diarienummer: submitted.diarienummer } });
      void queryClient.invalidateQueries({ queryKey: ['get'], refetchType: 'none' });
    },
    onError: (e) => {
      setSubmitError(e instanceof ApiError ? e : null);
      void check.refetch();
    },
  });
  if (c.isLoading || check.isLoading || reads.some((r) => r.isLoading)) return <Loading />;
  if (!c.data || !check.data || reads.some((r) => r.isError)) return <LoadFailed />;
  if (c.data.status !== 'utkast') return <Navigate to={paths.sokande.arende(id)} replace />;

  const kase = c.data;
  const project = kase.track === 'projekt';
  const form = aidForms.data?.find((f) => f.code === kase.aidForm);
  const attachmentRows: Row[] = (types.data?.types ?? [])
    .filter((x) => x.tracks.includes(kase.track))
    .filter(
      (x) =>
        requiredHere(x.requiredFor, kase.track, kase.aidForm) || files.data?.some((f) => f.type === x.code),
    )
    .map((x) => ({
      id: `attachments-${x.code}`,
      label: x.name,
      value:
        files.data
          ?.filter((f) => f.type === x.code)
          .map((f) => f.filename)
          .join(', ') ?? '',
      change: project
        ? paths.sokande.del(id, ATTACHMENTS)
        : `${paths.sokande.ansokan(id)}#attachments-${x.code}`,
    }));
  const rows = project
    ? projectRows(kase, sections.data ?? [], rus.data?.areas ?? [])
    : companyRows(kase, form, costTypes.data ?? [], criteria.data ?? []);
  rows.push(...attachmentRows);

  // Each problem beside the answer it is about; what belongs to no answer shown at the end.
  const rowOf = (field: string): Row | undefined => {
    const idOf = fieldId(field);
    return (
      rows.find((r) => r.id === idOf) ??
      rows.find((r) => idOf.startsWith(`${r.id}-`)) ??
      (idOf.startsWith('budget') ? rows.find((r) => r.id === 'budget') : undefined)
    );
  };
  const problems: FieldError[] = check.data.problems.map((p) => {
    const row = rowOf(p.field);
    return {
      id: row?.id ?? 'other',
      field: p.field,
      message: `${row?.label ?? t.otherProblems}: ${p.problem}`,
    };
  });
  if (submitError && !submitError.body.details?.length)
    problems.push({ id: '', field: '', message: submitError.body.message });
  const other = problems.filter((p) => p.id === 'other');
  const at = (rowId: string) => problems.filter((p) => p.id === rowId).map((p) => p.message);

  return (
    <div className="stack">
      <RouterLink to={paths.sokande.ansokan(id)}>
        {project ? t.backToList : t.formTitle(form?.name ?? '')}
      </RouterLink>
      <Heading level={1} data-size="lg">
        {t.checkTitle}
      </Heading>
      <Paragraph>{t.checkIntro}</Paragraph>
      <FormErrorSummary errors={problems} heading={t.checkProblems} />
      {!problems.length && <Alert data-color="success">{t.checkReady}</Alert>}
      <dl className="answers">
        {rows.map((r) => {
          const mine = at(r.id);
          const empty = r.value === '' || r.value === null || r.value === undefined;
          return (
            <div key={r.id}>
              <dt>{r.label}</dt>
              <dd id={r.id} tabIndex={-1}>
                {empty ? t.notAnswered : r.value}
                {mine.length > 0 && <ValidationMessage>{mine.join(' ')}</ValidationMessage>}
              </dd>
              <dd>
                <RouterLink to={r.change}>
                  {t.change}
                  <span className="visually-hidden"> {r.label.toLowerCase()}</span>
                </RouterLink>
              </dd>
            </div>
          );
        })}
        {other.length > 0 && (
          <div>
            <dt>{t.otherProblems}</dt>
            <dd id="other" tabIndex={-1}>
              <ValidationMessage>{other.map((p) => p.message).join(' ')}</ValidationMessage>
            </dd>
            <dd />
          </div>
        )}
      </dl>
      <Paragraph>{t.submitNote}</Paragraph>
      <div className="row">
        <Button onClick={() => submit.mutate()} loading={submit.isPending}>
          {sv.sokande.submit}
        </Button>
      </div>
    </div>
  );
}

function projectRows(
  c: Case,
  sections: { code: string; name: string; tracks: string[] }[],
  areas: { code: string; name: string }[],
): Row[] {
  const about = paths.sokande.del(c.id, ABOUT);
  const s = c.budgetSummary;
  return [
    { id: 'title', label: t.answers.title, value: c.title, change: `${about}#title` },
    {
      id: 'periodStart',
      label: t.answers.periodStart,
      value: (c.periodStart as string | null) ?? '',
      change: `${about}#periodStart`,
    },
    {
      id: 'periodEnd',
      label: t.answers.periodEnd,
      value: (c.periodEnd as string | null) ?? '',
      change: `${about}#periodEnd`,
    },
    {
      id: 'rusAreas',
      label: t.answers.rusAreas,
      value: c.rusAreas.map((a) => areas.find((x) => x.code === a)?.name ?? a).join(', '),
      change: `${about}#rusAreas`,
    },
    {
      id: 'description',
      label: t.answers.description,
      value: (c.description as string | null) ?? '',
      change: `${about}#description`,
    },
    ...sections
      .filter((x) => x.tracks.includes('projekt'))
      .map((x) => ({
        id: `sections-${x.code}`,
        label: x.name,
        value: c.sections[x.code] ?? '',
        change: paths.sokande.del(c.id, sectionTask(x.code)),
      })),
    {
      id: 'budget',
      label: t.answers.budget,
      value: c.budgetLines.length
        ? `${t.costsSum}: ${formatKronor(s.costsTotal)}. ${t.financingSum}: ${formatKronor(s.financingTotal)}. ${t.inKindSum}: ${formatKronor(s.inKindTotal)}.`
        : '',
      change: paths.sokande.del(c.id, BUDGET),
    },
  ];
}

function companyRows(
  c: Case,
  form: { name: string; subforms: { code: string; name: string }[] } | undefined,
  costTypes: { code: string; name: string }[],
  criteria: { code: string; text: string }[],
): Row[] {
  const at = (f: string) => `${paths.sokande.ansokan(c.id)}#${f}`;
  const costs = c.budgetLines.filter((l) => l.kind === 'cost');
  const rows: Row[] = [
    { id: 'aidForm', label: t.answers.aidForm, value: form?.name ?? '', change: paths.sokande.ny },
  ];
  if (form?.subforms.length)
    rows.push({
      id: 'aidSubform',
      label: t.answers.aidSubform,
      value: form.subforms.find((s) => s.code === (c.aidSubform as string | null))?.name ?? '',
      change: at('aidSubform'),
    });
  rows.push(
    {
      id: 'description',
      label: t.answers.description,
      value: (c.description as string | null) ?? '',
      change: at('description'),
    },
    {
      id: 'plannedStart',
      label: t.answers.plannedStart,
      value: (c.plannedStart as string | null) ?? '',
      change: at('plannedStart'),
    },
    {
      id: 'collectiveAgreement',
      label: t.answers.collectiveAgreement,
      value: c.collectiveAgreement === null ? '' : c.collectiveAgreement ? sv.sokande.yes : sv.sokande.no,
      change: at('collectiveAgreement'),
    },
    {
      id: 'costLines',
      label: t.answers.costLines,
      value: costs
        .map(
          (l) =>
            `${l.label ?? ''} (${costTypes.find((x) => x.code === (l.costType ?? l.code))?.name ?? l.code}): ${formatKronor(l.amount)}`,
        )
        .join('\n'),
      change: at('costLines'),
    },
    {
      id: 'amountApplied',
      label: t.answers.amountApplied,
      value: c.amountApplied === null ? '' : formatKronor(c.amountApplied as number),
      change: at('amountApplied'),
    },
    {
      id: 'priorityClaims',
      label: t.answers.priorityClaims,
      value: c.priorityClaims.map((p) => criteria.find((x) => x.code === p)?.text ?? p).join('\n'),
      change: at('priorityClaims'),
    },
  );
  return rows;
}
