import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  catalogueQueryOptions,
  kommunerQueryOptions,
  saveCatalogueEntry,
  saveKommun,
  type CatalogueEntry,
  type CatalogueKind,
} from '../../features/administration/api';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { fieldsOf } from '../../components/fields';
import { LoadFailed, Loading } from '../../components/Loading';
import { DialogForm, FormDialog, Saved, useFormDialog, useSave } from '../../components/FormDialog';
import { ListTable } from '../../components/ListTable';
import { usePageTitle } from '../../app/usePageTitle';
import { svAdmin } from '../../text/sv-admin';

const t = svAdmin.catalogues;
const KINDS = Object.keys(t.kinds) as CatalogueKind[];

/** The region's catalogues, one at a time (chosen in the address), and its kommuner; entries are added or changed in a dialog. */
export default function Kataloger() {
  usePageTitle(t.title);
  const [params, setParams] = useSearchParams();
  const kind = (KINDS.find((k) => k === params.get('katalog')) ?? 'cost_category') as CatalogueKind;
  const entries = useQuery(catalogueQueryOptions());
  const dialog = useFormDialog<{ entry: CatalogueEntry | null }>();
  const open = (entry: CatalogueEntry | null) => dialog.open({ entry });
  const shown = entries.data?.filter((e) => e.kind === kind) ?? [];
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Saved text={dialog.done} />
      <div className="row">
        <Field>
          <Label htmlFor="shown-kind">{t.kind}</Label>
          <Select
            id="shown-kind"
            value={kind}
            onChange={(e) => setParams(new URLSearchParams({ katalog: e.target.value }), { replace: true })}
          >
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t.kinds[k]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button variant="secondary" onClick={() => open(null)}>
          {t.add}
        </Button>
      </div>
      {entries.isLoading && <Loading />}
      {entries.isError && <LoadFailed />}
      {entries.data && (
        <ListTable
          label={t.kinds[kind]}
          caption={`${t.kinds[kind]} – ${t.entries(shown.length)}`}
          columns={[t.code, t.name, ...(kind === 'aid_subform' ? [t.parent] : []), t.active]}
          actions={svAdmin.save}
        >
          {shown.map((e) => (
            <Table.Row key={e.code}>
              <Table.Cell>
                <code>{e.code}</code>
              </Table.Cell>
              <Table.HeaderCell scope="row">{e.name}</Table.HeaderCell>
              {kind === 'aid_subform' && <Table.Cell>{e.parent ?? '–'}</Table.Cell>}
              <Table.Cell>{e.active ? svAdmin.yes : svAdmin.no}</Table.Cell>
              <Table.Cell>
                <Button data-size="sm" variant="tertiary" onClick={() => open(e)}>
                  {t.edit(e.name)}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
      <FormDialog state={dialog} titleId="entry-title">
        {({ entry }) => (
          <EntryForm
            entry={entry}
            kind={kind}
            aidForms={entries.data?.filter((e) => e.kind === 'aid_form') ?? []}
            onDone={(saved) => {
              dialog.finish(t.saved(saved.name));
              if (saved.kind !== kind)
                setParams(new URLSearchParams({ katalog: saved.kind }), { replace: true });
            }}
            onCancel={dialog.close}
          />
        )}
      </FormDialog>
      <Kommuner />
    </div>
  );
}

function EntryForm({
  entry,
  kind: shownKind,
  aidForms,
  onDone,
  onCancel,
}: {
  entry: CatalogueEntry | null;
  kind: CatalogueKind;
  aidForms: CatalogueEntry[];
  onDone: (saved: CatalogueEntry) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState({
    kind: entry?.kind ?? shownKind,
    code: entry?.code ?? '',
    name: entry?.name ?? '',
    parent: entry?.parent ?? '',
    active: entry?.active ?? true,
  });
  const save = useSave(
    () =>
      saveCatalogueEntry(form.kind, form.code.trim(), {
        name: form.name,
        active: form.active,
        ...(form.kind === 'aid_subform' ? { parent: form.parent || null } : {}),
      }),
    onDone,
  );
  const errors = toFieldErrors(save.error, { code: t.code, name: t.name, parent: t.parent, kind: t.kind });
  const field = fieldsOf(form, (patch) => setForm({ ...form, ...patch }), errors);
  return (
    <DialogForm
      titleId="entry-title"
      title={entry ? t.editTitle(entry.name) : t.addTitle}
      errors={errors}
      save={save}
      submitLabel={svAdmin.save}
      cancelLabel={svAdmin.cancel}
      onCancel={onCancel}
    >
      {entry ? (
        <dl className="facts">
          <dt>{t.kind}</dt>
          <dd>{t.kinds[entry.kind]}</dd>
          <dt>{t.code}</dt>
          <dd>
            <code>{entry.code}</code>
          </dd>
        </dl>
      ) : (
        <>
          <Field>
            <Label htmlFor="kind">{t.kind}</Label>
            <Select
              id="kind"
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value as CatalogueKind })}
            >
              {KINDS.map((k) => (
                <Select.Option key={k} value={k}>
                  {t.kinds[k]}
                </Select.Option>
              ))}
            </Select>
            {errorFor(errors, 'kind') && <ValidationMessage>{errorFor(errors, 'kind')}</ValidationMessage>}
          </Field>
          <Textfield {...field('code')} label={t.code} description={t.codeHint} maxLength={60} />
        </>
      )}
      <Textfield {...field('name')} label={t.name} maxLength={200} />
      {form.kind === 'aid_subform' && (
        <Field>
          <Label htmlFor="parent">{t.parent}</Label>
          <Select
            id="parent"
            value={form.parent}
            onChange={(e) => setForm({ ...form, parent: e.target.value })}
            aria-invalid={!!errorFor(errors, 'parent')}
          >
            <Select.Option value="">–</Select.Option>
            {aidForms.map((f) => (
              <Select.Option key={f.code} value={f.code}>
                {f.name}
              </Select.Option>
            ))}
          </Select>
          {errorFor(errors, 'parent') && <ValidationMessage>{errorFor(errors, 'parent')}</ValidationMessage>}
        </Field>
      )}
      <Checkbox
        id="active"
        label={t.activeLabel}
        checked={form.active}
        onChange={(e) => setForm({ ...form, active: e.target.checked })}
      />
    </DialogForm>
  );
}

/** The region's kommuner, and a form to add one or change a name. */
function Kommuner() {
  const kommuner = useQuery(kommunerQueryOptions());
  const [form, setForm] = useState({ code: '', name: '' });
  const [done, setDone] = useState<string | null>(null);
  const save = useSave(
    () => saveKommun(form.code.trim(), form.name),
    (k) => {
      setDone(t.saved(k.name));
      setForm({ code: '', name: '' });
    },
  );
  // The route's code and the body's name, shown at this form's own inputs.
  const errors = toFieldErrors(save.error, { code: t.kommunCode, name: t.kommunName }).map((e) =>
    e.id ? { ...e, id: `kommun-${e.id}` } : e,
  );
  const field = fieldsOf(form, (patch) => setForm({ ...form, ...patch }), errors, 'kommun-');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  return (
    <section className="stack" aria-labelledby="kommuner-title">
      <Heading level={2} data-size="md" id="kommuner-title">
        {t.kommuner}
      </Heading>
      <Saved text={done} />
      <FormErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate className="row">
        <Textfield
          {...field('code')}
          label={t.kommunCode}
          description={t.kommunCodeHint}
          inputMode="numeric"
          maxLength={4}
        />
        <Textfield {...field('name')} label={t.kommunName} maxLength={100} />
        <Button type="submit" loading={save.isPending}>
          {t.addKommun}
        </Button>
      </form>
      {kommuner.isLoading && <Loading />}
      {kommuner.isError && <LoadFailed />}
      {kommuner.data && (
        <ListTable label={t.kommuner} columns={[t.kommunCode, t.kommunName]}>
          {kommuner.data.map((k) => (
            <Table.Row key={k.code}>
              <Table.Cell>{k.code}</Table.Cell>
              <Table.Cell>{k.name}</Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
    </section>
  );
}
