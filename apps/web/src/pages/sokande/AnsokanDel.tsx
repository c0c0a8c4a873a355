import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  caseQueryOptions,
  costCategoriesQueryOptions,
  financiersQueryOptions,
  rusQueryOptions,
  sectionsQueryOptions,
  updateCase,
} from '../../features/ansokan/api';
import {
  budgetBody,
  budgetDraftOf,
  budgetFieldId,
  budgetTotals,
  rowSum,
  yearsOf,
  yearsShown,
  type BudgetDraft,
} from '../../features/ansokan/budget';
import { ABOUT, ATTACHMENTS, BUDGET } from '../../features/ansokan/tasks';
import { Attachments } from '../../features/ansokan/components/Attachments';
import { BudgetTable, type BudgetRow } from '../../features/ansokan/components/BudgetTable';
import { useFocusFromHash } from '../../features/ansokan/useFocusFromHash';
import { toFieldErrors, type FieldError } from '../../api/errors';
import type { Case, Schemas } from '../../api/types';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { svAnsokan } from '../../text/sv-ansokan';

const t = svAnsokan;
const EDITABLE = ['utkast', 'komplettering_begard'];

/** One part of a project application on its own page: about the project, a section, the budget, attachments. */
export default function AnsokanDel() {
  const { id = '', part = '' } = useParams();
  const c = useQuery(caseQueryOptions(id));
  const sections = useQuery(sectionsQueryOptions());
  const section = part.startsWith('avsnitt-')
    ? sections.data?.find((s) => `avsnitt-${s.code}` === part)
    : undefined;
  const heading =
    part === ABOUT
      ? t.aboutTask
      : part === BUDGET
        ? t.budgetTask
        : part === ATTACHMENTS
          ? t.attachmentsTask
          : (section?.name ?? '');
  usePageTitle(heading || t.projectTitle);
  if (c.isLoading || sections.isLoading) return <Loading />;
  if (c.isError || !c.data || !sections.data) return <LoadFailed />;
  if (!EDITABLE.includes(c.data.status)) return <Navigate to={paths.sokande.arende(id)} replace />;
  const back = <RouterLink to={paths.sokande.ansokan(id)}>{t.backToList}</RouterLink>;
  const shell = (body: ReactNode) => (
    <div className="stack">
      {back}
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      {body}
    </div>
  );
  if (part === ABOUT) return shell(<AboutPart c={c.data} />);
  if (part === BUDGET) return shell(<BudgetPart c={c.data} />);
  if (part === ATTACHMENTS)
    return shell(
      <>
        <Attachments caseId={id} track="projekt" aidForm={null} />
        <RouterLink to={paths.sokande.ansokan(id)}>{t.saveContinue}</RouterLink>
      </>,
    );
  if (section)
    return shell(
      <SectionPart c={c.data} code={section.code} name={section.name} hint={section.description} />,
    );
  return <Navigate to={paths.sokande.ansokan(id)} replace />;
}

/**
 * Saving a part: "Spara och fortsätt" goes back to the task list, "Spara och fortsätt senare" to the
 * applicant's cases; what the API refuses is shown at its field and nothing is lost from the form.
 */
function usePartSave(
  c: Case,
  body: () => Schemas['UpdateCaseDto'],
  idOf: (field: string) => string | undefined,
) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const save = useMutation({
    mutationFn: (_then: string) => updateCase(c.id, body()),
    onSuccess: async (_, then) => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['get'] });
      void navigate(then);
    },
    onError: (e) =>
      setErrors(
        toFieldErrors(e, t.answers).map((x) => {
          const id = idOf(x.field);
          return id ? { ...x, id } : x;
        }),
      ),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(paths.sokande.ansokan(c.id));
  };
  const buttons = (
    <div className="row">
      <Button type="submit" loading={save.isPending && save.variables !== paths.sokande.arenden}>
        {t.saveContinue}
      </Button>
      <Button
        type="button"
        variant="secondary"
        onClick={() => save.mutate(paths.sokande.arenden)}
        loading={save.isPending && save.variables === paths.sokande.arenden}
      >
        {t.saveLater}
      </Button>
    </div>
  );
  return { errors, onSubmit, buttons, touched: () => setDirty(true) };
}

function AboutPart({ c }: { c: Case }) {
  useFocusFromHash();
  const rus = useQuery(rusQueryOptions());
  const [title, setTitle] = useState(c.title);
  const [periodStart, setPeriodStart] = useState((c.periodStart as string | null) ?? '');
  const [periodEnd, setPeriodEnd] = useState((c.periodEnd as string | null) ?? '');
  const [description, setDescription] = useState((c.description as string | null) ?? '');
  const [areas, setAreas] = useState<string[]>(c.rusAreas);
  const { errors, onSubmit, buttons, touched } = usePartSave(
    c,
    () => ({
      title,
      periodStart: periodStart || undefined,
      periodEnd: periodEnd || undefined,
      description,
      rusAreas: areas,
    }),
    (f) => (f.startsWith('rusAreas') ? 'rusAreas' : undefined),
  );
  return (
    <>
      <Paragraph>{t.aboutIntro}</Paragraph>
      <FormErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate className="stack narrow">
        <Textfield
          id="title"
          label={t.answers.title}
          description={sv.sokande.titleHint}
          value={title}
          maxLength={500}
          onChange={(e) => {
            setTitle(e.target.value);
            touched();
          }}
          error={errorFor(errors, 'title')}
        />
        <Textfield
          id="periodStart"
          label={t.periodStart}
          description={t.dateHint}
          value={periodStart}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => {
            setPeriodStart(e.target.value);
            touched();
          }}
          error={errorFor(errors, 'periodStart')}
        />
        <Textfield
          id="periodEnd"
          label={t.periodEnd}
          description={t.dateHint}
          value={periodEnd}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => {
            setPeriodEnd(e.target.value);
            touched();
          }}
          error={errorFor(errors, 'periodEnd')}
        />
        <Fieldset id="rusAreas" tabIndex={-1}>
          <Fieldset.Legend>{t.rusLegend}</Fieldset.Legend>
          {(rus.data?.areas ?? []).map((a) => (
            <Checkbox
              key={a.code}
              value={a.code}
              label={a.name}
              checked={areas.includes(a.code)}
              onChange={(e) => {
                setAreas(e.target.checked ? [...areas, a.code] : areas.filter((x) => x !== a.code));
                touched();
              }}
            />
          ))}
          {errorFor(errors, 'rusAreas') && (
            <ValidationMessage>{errorFor(errors, 'rusAreas')}</ValidationMessage>
          )}
        </Fieldset>
        <Textfield
          id="description"
          multiline
          rows={4}
          label={t.description}
          value={description}
          maxLength={20000}
          onChange={(e) => {
            setDescription(e.target.value);
            touched();
          }}
          error={errorFor(errors, 'description')}
        />
        {buttons}
      </form>
    </>
  );
}

function SectionPart({ c, code, name, hint }: { c: Case; code: string; name: string; hint: string | null }) {
  useFocusFromHash();
  const [text, setText] = useState(c.sections[code] ?? '');
  const id = `sections-${code}`;
  // Only this section is sent; the API keeps the others as they are.
  const { errors, onSubmit, buttons, touched } = usePartSave(
    c,
    () => ({ sections: { ...(c.sections as Record<string, string>), [code]: text } }),
    (f) => (f.startsWith('sections') ? id : undefined),
  );
  return (
    <>
      <FormErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate className="stack narrow">
        <Textfield
          id={id}
          multiline
          rows={10}
          label={name}
          description={hint ?? t.sectionHint}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            touched();
          }}
          error={errorFor(errors, id)}
        />
        {buttons}
      </form>
    </>
  );
}

function BudgetPart({ c }: { c: Case }) {
  useFocusFromHash();
  const categories = useQuery(costCategoriesQueryOptions());
  const financiers = useQuery(financiersQueryOptions());
  const [draft, setDraft] = useState<BudgetDraft>(() => {
    const d = budgetDraftOf(c.budgetLines as never);
    if (!d.financing.length) d.financing.push({ financier: '', amounts: {} });
    return d;
  });
  // The cell each line sent came from, for the problems the API names by their place in the body.
  const cells = useRef<Record<string, string>>({});
  const { errors, onSubmit, buttons, touched } = usePartSave(
    c,
    () => {
      const b = budgetBody({
        ...draft,
        financing: draft.financing.filter((r) => r.financier || rowSum(r.amounts)),
      });
      cells.current = b.cells;
      return { budget: b.body } as unknown as Schemas['UpdateCaseDto'];
    },
    (f) => budgetFieldId(f, cells.current),
  );
  const change = (d: BudgetDraft) => {
    setDraft(d);
    touched();
  };
  const years = yearsShown(yearsOf(c.periodStart as string | null, c.periodEnd as string | null), draft);
  const totals = budgetTotals(draft, years);
  if (categories.isLoading || financiers.isLoading) return <Loading />;
  if (!categories.data || !financiers.data) return <LoadFailed />;
  // The financing and in-kind rows, changed and removed in the draft by their place in its list.
  const listRows = <K extends 'financing' | 'inKind'>(
    list: K,
    show: (
      row: BudgetDraft[K][number],
      n: number,
      setRow: (patch: Partial<BudgetDraft[K][number]>) => void,
    ) => { name: string; control: ReactNode },
  ): BudgetRow[] => {
    const rows = draft[list] as BudgetDraft[K][number][];
    return rows.map((row, i) => {
      const setRow = (patch: Partial<BudgetDraft[K][number]>) =>
        change({ ...draft, [list]: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
      return {
        key: i,
        ...show(row, i + 1, setRow),
        amounts: row.amounts,
        setAmount: (y, v) =>
          setRow({ amounts: { ...row.amounts, [y]: v } } as Partial<BudgetDraft[K][number]>),
        remove: () => change({ ...draft, [list]: rows.filter((_, j) => j !== i) }),
      };
    });
  };
  const diff = Math.abs(totals.difference);
  const balance =
    totals.difference === 0
      ? t.balanced
      : totals.difference < 0
        ? t.financingLower(formatKronor(diff))
        : t.financingHigher(formatKronor(diff));
  return (
    <>
      <Paragraph>{t.budgetIntro}</Paragraph>
      <FormErrorSummary errors={errors} />
      {!years.length && <Paragraph>{t.noYears}</Paragraph>}
      <form onSubmit={onSubmit} noValidate className="stack">
        <BudgetTable
          table="costs"
          years={years}
          errors={errors}
          totals={totals}
          rows={categories.data.map((cat) => ({
            key: cat.code,
            name: cat.name,
            amounts: draft.costs[cat.code] ?? {},
            setAmount: (y, v) =>
              change({
                ...draft,
                costs: { ...draft.costs, [cat.code]: { ...draft.costs[cat.code], [y]: v } },
              }),
          }))}
        />
        <BudgetTable
          table="financing"
          years={years}
          errors={errors}
          totals={totals}
          rows={listRows('financing', (row, n, setRow) => ({
            name: financiers.data.find((f) => f.code === row.financier)?.name ?? t.financierRow(n),
            control: (
              <Select
                id={`budget-financing-${n - 1}-financier`}
                aria-label={t.financierRow(n)}
                value={row.financier}
                onChange={(e) => setRow({ financier: e.target.value })}
              >
                <Select.Option value="">{t.choose}</Select.Option>
                {financiers.data.map((f) => (
                  <Select.Option key={f.code} value={f.code}>
                    {f.name}
                  </Select.Option>
                ))}
              </Select>
            ),
          }))}
          add={{
            label: t.addFinancier,
            onClick: () =>
              change({ ...draft, financing: [...draft.financing, { financier: '', amounts: {} }] }),
          }}
        />

        <p id="budget" tabIndex={-1} role="status" className="budget-balance">
          <strong>{balance}</strong>
        </p>
        {errorFor(errors, 'budget') && <ValidationMessage>{errorFor(errors, 'budget')}</ValidationMessage>}

        <BudgetTable
          table="inKind"
          years={years}
          errors={errors}
          hideWhenEmpty
          totals={totals}
          rows={listRows('inKind', (row, n, setRow) => ({
            name: row.contributor || t.contributorRow(n),
            control: (
              <Textfield
                id={`budget-inKind-${n - 1}-contributor`}
                aria-label={t.contributorRow(n)}
                value={row.contributor}
                maxLength={200}
                onChange={(e) => setRow({ contributor: e.target.value })}
              />
            ),
          }))}
          add={{
            label: t.addInKind,
            onClick: () => change({ ...draft, inKind: [...draft.inKind, { contributor: '', amounts: {} }] }),
          }}
        />
        {buttons}
      </form>
    </>
  );
}
