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
  Table,
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
  cellId,
  rowSum,
  yearsOf,
  yearsShown,
  type BudgetDraft,
} from '../../features/ansokan/budget';
import { ABOUT, ATTACHMENTS, BUDGET } from '../../features/ansokan/tasks';
import { Attachments } from '../../features/ansokan/components/Attachments';
import { useFocusFromHash } from '../../features/ansokan/useFocusFromHash';
import { toFieldErrors, type FieldError } from '../../api/errors';
import type { Case, Schemas } from '../../api/types';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
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
  const amountCell = (id: string, label: string, value: string, set: (v: string) => void) => (
    <Table.Cell>
      <Textfield
        id={id}
        aria-label={label}
        inputMode="numeric"
        suffix="kr"
        value={value}
        onChange={(e) => set(e.target.value)}
        error={errorFor(errors, id)}
      />
    </Table.Cell>
  );
  const yearHeads = years.map((y) => (
    <Table.HeaderCell key={y} className="num">
      {y}
    </Table.HeaderCell>
  ));
  const sumRow = (label: string, byYear: Record<number, number>, total: number) => (
    <Table.Row>
      <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
      {years.map((y) => (
        <Table.Cell key={y} className="num">
          {formatKronor(byYear[y] ?? 0)}
        </Table.Cell>
      ))}
      <Table.Cell className="num">{formatKronor(total)}</Table.Cell>
      <Table.Cell />
    </Table.Row>
  );
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
        <Fieldset id="budget-costs" tabIndex={-1}>
          <Fieldset.Legend>{t.costsTable}</Fieldset.Legend>
          {errorFor(errors, 'budget-costs') && (
            <ValidationMessage>{errorFor(errors, 'budget-costs')}</ValidationMessage>
          )}
          <TableScroll label={t.costsTable}>
            <Table className="budget-table">
              <caption className="visually-hidden">{t.costsTable}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.category}</Table.HeaderCell>
                  {yearHeads}
                  <Table.HeaderCell className="num">{t.sum}</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {categories.data.map((cat) => (
                  <Table.Row key={cat.code}>
                    <Table.HeaderCell scope="row">{cat.name}</Table.HeaderCell>
                    {years.map((y) => (
                      <AmountKey key={y}>
                        {amountCell(
                          cellId('costs', cat.code, y),
                          t.amountIn(cat.name, y),
                          draft.costs[cat.code]?.[y] ?? '',
                          (v) =>
                            change({
                              ...draft,
                              costs: { ...draft.costs, [cat.code]: { ...draft.costs[cat.code], [y]: v } },
                            }),
                        )}
                      </AmountKey>
                    ))}
                    <Table.Cell className="num">
                      {formatKronor(rowSum(draft.costs[cat.code] ?? {}))}
                    </Table.Cell>
                    <Table.Cell />
                  </Table.Row>
                ))}
              </Table.Body>
              <Table.Foot>{sumRow(t.costsSum, totals.costsByYear, totals.costs)}</Table.Foot>
            </Table>
          </TableScroll>
        </Fieldset>

        <Fieldset id="budget-financing" tabIndex={-1}>
          <Fieldset.Legend>{t.financingTable}</Fieldset.Legend>
          {errorFor(errors, 'budget-financing') && (
            <ValidationMessage>{errorFor(errors, 'budget-financing')}</ValidationMessage>
          )}
          <TableScroll label={t.financingTable}>
            <Table className="budget-table">
              <caption className="visually-hidden">{t.financingTable}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.financier}</Table.HeaderCell>
                  {yearHeads}
                  <Table.HeaderCell className="num">{t.sum}</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="visually-hidden">{t.change}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {draft.financing.map((row, i) => {
                  const n = i + 1;
                  const setRow = (patch: Partial<BudgetDraft['financing'][number]>) =>
                    change({
                      ...draft,
                      financing: draft.financing.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                    });
                  const name =
                    financiers.data.find((f) => f.code === row.financier)?.name ?? t.financierRow(n);
                  return (
                    <Table.Row key={i}>
                      <Table.Cell>
                        <Select
                          id={`budget-financing-${i}-financier`}
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
                      </Table.Cell>
                      {years.map((y) => (
                        <AmountKey key={y}>
                          {amountCell(
                            cellId('financing', i, y),
                            t.amountIn(name, y),
                            row.amounts[y] ?? '',
                            (v) => setRow({ amounts: { ...row.amounts, [y]: v } }),
                          )}
                        </AmountKey>
                      ))}
                      <Table.Cell className="num">{formatKronor(rowSum(row.amounts))}</Table.Cell>
                      <Table.Cell>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          onClick={() =>
                            change({ ...draft, financing: draft.financing.filter((_, j) => j !== i) })
                          }
                        >
                          {t.removeRow(n)}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
              <Table.Foot>{sumRow(t.financingSum, totals.financingByYear, totals.financing)}</Table.Foot>
            </Table>
          </TableScroll>
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              change({ ...draft, financing: [...draft.financing, { financier: '', amounts: {} }] })
            }
          >
            {t.addFinancier}
          </Button>
        </Fieldset>

        <p id="budget" tabIndex={-1} role="status" className="budget-balance">
          <strong>{balance}</strong>
        </p>
        {errorFor(errors, 'budget') && <ValidationMessage>{errorFor(errors, 'budget')}</ValidationMessage>}

        <Fieldset id="budget-inKind" tabIndex={-1}>
          <Fieldset.Legend>{t.inKindTable}</Fieldset.Legend>
          <Fieldset.Description>{t.inKindHint}</Fieldset.Description>
          {draft.inKind.length > 0 && (
            <TableScroll label={t.inKindTable}>
              <Table className="budget-table">
                <caption className="visually-hidden">{t.inKindTable}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t.contributor}</Table.HeaderCell>
                    {yearHeads}
                    <Table.HeaderCell className="num">{t.sum}</Table.HeaderCell>
                    <Table.HeaderCell>
                      <span className="visually-hidden">{t.change}</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {draft.inKind.map((row, i) => {
                    const n = i + 1;
                    const setRow = (patch: Partial<BudgetDraft['inKind'][number]>) =>
                      change({
                        ...draft,
                        inKind: draft.inKind.map((r, j) => (j === i ? { ...r, ...patch } : r)),
                      });
                    return (
                      <Table.Row key={i}>
                        <Table.Cell>
                          <Textfield
                            id={`budget-inKind-${i}-contributor`}
                            aria-label={t.contributorRow(n)}
                            value={row.contributor}
                            maxLength={200}
                            onChange={(e) => setRow({ contributor: e.target.value })}
                          />
                        </Table.Cell>
                        {years.map((y) => (
                          <AmountKey key={y}>
                            {amountCell(
                              cellId('inKind', i, y),
                              t.amountIn(row.contributor || t.contributorRow(n), y),
                              row.amounts[y] ?? '',
                              (v) => setRow({ amounts: { ...row.amounts, [y]: v } }),
                            )}
                          </AmountKey>
                        ))}
                        <Table.Cell className="num">{formatKronor(rowSum(row.amounts))}</Table.Cell>
                        <Table.Cell>
                          <Button
                            type="button"
                            variant="tertiary"
                            data-size="sm"
                            onClick={() =>
                              change({ ...draft, inKind: draft.inKind.filter((_, j) => j !== i) })
                            }
                          >
                            {t.removeRow(n)}
                          </Button>
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
                <Table.Foot>{sumRow(t.inKindSum, totals.inKindByYear, totals.inKind)}</Table.Foot>
              </Table>
            </TableScroll>
          )}
          <Button
            type="button"
            variant="secondary"
            onClick={() => change({ ...draft, inKind: [...draft.inKind, { contributor: '', amounts: {} }] })}
          >
            {t.addInKind}
          </Button>
        </Fieldset>
        {buttons}
      </form>
    </>
  );
}

/** A keyed wrapper for a cell made by a function. */
function AmountKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
