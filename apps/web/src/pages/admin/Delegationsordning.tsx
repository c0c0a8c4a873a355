import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
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
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate, formatKronor } from '../../format';
import { svAdmin } from '../../text/sv-admin';

const t = svAdmin.delegation;
const names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join(', ') : t.none);

/** The delegation order: every point with its limit, validity, holders and substitutes; each editable. */
export default function Delegationsordning() {
  usePageTitle(t.title);
  const points = useQuery(delegationPointsQueryOptions());
  const dialog = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState<DelegationPoint | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          {t.saved(done)}
        </Alert>
      )}
      {points.isLoading && <Loading />}
      {points.isError && <LoadFailed />}
      {points.data && (
        <TableScroll label={t.title}>
          <Table data-size="sm" zebra>
            <caption className="visually-hidden">{t.title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.point}</Table.HeaderCell>
                <Table.HeaderCell>{t.what}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t.limit}</Table.HeaderCell>
                <Table.HeaderCell>{t.validity}</Table.HeaderCell>
                <Table.HeaderCell>{t.holders}</Table.HeaderCell>
                <Table.HeaderCell>{t.substitutes}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{svAdmin.save}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
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
                    <Button
                      data-size="sm"
                      variant="secondary"
                      onClick={() => {
                        setDone(null);
                        setEditing(p);
                        dialog.current?.showModal();
                      }}
                    >
                      {t.edit(p.point)}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Dialog ref={dialog} closedby="any" aria-labelledby="point-title" onClose={() => setEditing(null)}>
        {editing && (
          <PointForm
            key={editing.id}
            point={editing}
            onDone={() => {
              dialog.current?.close();
              setDone(editing.point);
            }}
            onCancel={() => dialog.current?.close()}
          />
        )}
      </Dialog>
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
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      updateDelegationPoint(point.id, {
        // A limit that is not a whole number goes as typed, for the API to name.
        limitKronor: kronorOrTyped(form.limitKronor) as DelegationPointChange['limitKronor'],
        validFrom: form.validFrom,
        validTo: form.validTo.trim() === '' ? null : form.validTo,
        substitutes: form.substitutes,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['get'] });
      onDone();
    },
  });
  // The same array while the error is the same, so the summary takes focus once per failure.
  const errors = useMemo(
    () =>
      atGroups(
        toFieldErrors(save.error, { limitKronor: t.limitKronor, validFrom: t.validFrom, validTo: t.validTo }),
        { substitutes: t.substitutesLegend },
      ),
    [save.error],
  );
  const candidates = (staff.data ?? []).filter(
    (s) =>
      s.active && (s.effectiveRoles.includes('beslutsfattare') || point.substituteAccountIds.includes(s.id)),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      <Heading level={2} data-size="sm" id="point-title">
        {t.editTitle(point.point)}
      </Heading>
      <Paragraph>{point.title}</Paragraph>
      <FormErrorSummary errors={errors} />
      <Textfield
        id="limitKronor"
        label={t.limitKronor}
        description={t.limitHint}
        inputMode="numeric"
        suffix="kr"
        value={form.limitKronor}
        onChange={(e) => setForm({ ...form, limitKronor: e.target.value })}
        error={errorFor(errors, 'limitKronor')}
      />
      <Textfield
        id="validFrom"
        label={t.validFrom}
        description="ÅÅÅÅ-MM-DD"
        inputMode="numeric"
        value={form.validFrom}
        onChange={(e) => setForm({ ...form, validFrom: e.target.value })}
        error={errorFor(errors, 'validFrom')}
      />
      <Textfield
        id="validTo"
        label={t.validTo}
        description={t.dateHint}
        inputMode="numeric"
        value={form.validTo}
        onChange={(e) => setForm({ ...form, validTo: e.target.value })}
        error={errorFor(errors, 'validTo')}
      />
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
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {svAdmin.save}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {svAdmin.cancel}
        </Button>
      </div>
    </form>
  );
}
