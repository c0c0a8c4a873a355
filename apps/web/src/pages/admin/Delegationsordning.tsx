import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import {
  delegationPointsQueryOptions,
  staffQueryOptions,
  updateDelegationPoint,
  type DelegationPoint,
  type DelegationPointChange,
} from '../../features/administration/api';
import { atGroups, kronorOrTyped } from '../../features/administration/fields';
import { toFieldErrors } from '../../api/errors';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { fieldsOf } from '../../components/fields';
import { errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { DialogForm, FormDialog, Saved, useFormDialog, useSave } from '../../components/FormDialog';
import { ListTable } from '../../components/ListTable';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate, formatKronor } from '../../format';
import { svAdmin } from '../../text/sv-admin';

const t = svAdmin.delegation;
const names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join(', ') : t.none);

/** The delegation order: every point with its limit, validity, holders and substitutes; each editable. */
export default function Delegationsordning() {
  usePageTitle(t.title);
  const points = useQuery(delegationPointsQueryOptions());
  const dialog = useFormDialog<DelegationPoint>();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Saved text={dialog.done} />
      {points.isLoading && <Loading />}
      {points.isError && <LoadFailed />}
      {points.data && (
        <ListTable
          label={t.title}
          columns={[t.point, t.what, { label: t.limit, num: true }, t.validity, t.holders, t.substitutes]}
          actions={svAdmin.save}
        >
          {points.data.map((p) => (
            <Table.Row key={p.id}>
              <Table.HeaderCell scope="row">{p.point}</Table.HeaderCell>
              <Table.Cell>
                {p.title}
                <br />
                <small>{p.decisionMakerTitle}</small>
              </Table.Cell>
              <Table.Cell className="num">
                {p.limitKronor === null ? t.noLimit : formatKronor(p.limitKronor)}
              </Table.Cell>
              <Table.Cell>
                {t.validRange(formatDate(p.validFrom), p.validTo ? formatDate(p.validTo) : null)}
              </Table.Cell>
              <Table.Cell>{names(p.holders)}</Table.Cell>
              <Table.Cell>{names(p.substitutes)}</Table.Cell>
              <Table.Cell>
                <Button data-size="sm" variant="secondary" onClick={() => dialog.open(p)}>
                  {t.edit(p.point)}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
      <FormDialog state={dialog} titleId="point-title">
        {(point) => (
          <PointForm
            key={point.id}
            point={point}
            onDone={() => dialog.finish(t.saved(point.point))}
            onCancel={dialog.close}
          />
        )}
      </FormDialog>
    </div>
  );
}

function PointForm({
  point,
  onDone,
  onCancel,
}: {
  point: DelegationPoint;
  onDone: () => void;
  onCancel: () => void;
}) {
  const staff = useQuery(staffQueryOptions());
  const [form, setForm] = useState({
    limitKronor: point.limitKronor === null ? '' : String(point.limitKronor),
    validFrom: point.validFrom,
    validTo: point.validTo ?? '',
    substitutes: point.substituteAccountIds,
  });
  const save = useSave(
    () =>
      updateDelegationPoint(point.id, {
        // A limit that is not a whole number goes as typed, for the API to name.
        limitKronor: kronorOrTyped(form.limitKronor) as DelegationPointChange['limitKronor'],
        validFrom: form.validFrom,
        validTo: form.validTo.trim() === '' ? null : form.validTo,
        substitutes: form.substitutes,
      }),
    onDone,
  );
  const errors = atGroups(
    toFieldErrors(save.error, { limitKronor: t.limitKronor, validFrom: t.validFrom, validTo: t.validTo }),
    { substitutes: t.substitutesLegend },
  );
  const field = fieldsOf(form, (patch) => setForm({ ...form, ...patch }), errors);
  const candidates = (staff.data ?? []).filter(
    (s) =>
      s.active && (s.effectiveRoles.includes('beslutsfattare') || point.substituteAccountIds.includes(s.id)),
  );
  return (
    <DialogForm
      titleId="point-title"
      title={t.editTitle(point.point)}
      intro={<Paragraph>{point.title}</Paragraph>}
      errors={errors}
      save={save}
      submitLabel={svAdmin.save}
      cancelLabel={svAdmin.cancel}
      onCancel={onCancel}
    >
      <Textfield
        {...field('limitKronor')}
        label={t.limitKronor}
        description={t.limitHint}
        inputMode="numeric"
        suffix="kr"
      />
      <Textfield {...field('validFrom')} label={t.validFrom} description="ÅÅÅÅ-MM-DD" inputMode="numeric" />
      <Textfield {...field('validTo')} label={t.validTo} description={t.dateHint} inputMode="numeric" />
      {staff.isLoading && <Loading />}
      {staff.data && (
        <CheckboxGroup
          id="substitutes"
          legend={t.substitutesLegend}
          description={t.substitutesHint}
          options={candidates.map((s) => ({
            value: s.id,
            label: s.title ? `${s.displayName}, ${s.title}` : s.displayName,
          }))}
          value={form.substitutes}
          onChange={(substitutes) => setForm({ ...form, substitutes })}
          error={errorFor(errors, 'substitutes')}
        />
      )}
    </DialogForm>
  );
}
