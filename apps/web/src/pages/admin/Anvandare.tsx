import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Table,
  Textarea,
  Textfield,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import {
  STAFF_ROLES,
  createStaff,
  delegationPointsQueryOptions,
  staffChangesQueryOptions,
  staffQueryOptions,
  updateStaff,
  type Staff,
  type StaffRole,
} from '../../features/administration/api';
import { atGroups } from '../../features/administration/fields';
import { toFieldErrors } from '../../api/errors';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { fieldsOf } from '../../components/fields';
import { errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { DialogForm, FormDialog, Saved, useFormDialog, useSave } from '../../components/FormDialog';
import { ListTable } from '../../components/ListTable';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDateTime } from '../../format';
import { svAdmin } from '../../text/sv-admin';
import { sv } from '../../text/sv';

const t = svAdmin.staff;
const roleNames = (roles: string[]) => roles.map((r) => sv.roles[r] ?? r).join(', ') || '–';

type Open = { mode: 'create' } | { mode: 'edit'; staff: Staff } | { mode: 'changes'; staff: Staff };

/** Staff accounts with roles and delegation points; created, changed and deactivated with the reason why. */
export default function Anvandare() {
  usePageTitle(t.title);
  const staff = useQuery(staffQueryOptions());
  const dialog = useFormDialog<Open>();
  const show = dialog.open;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Saved text={dialog.done} />
      <div>
        <Button onClick={() => show({ mode: 'create' })}>{t.create}</Button>
      </div>
      {staff.isLoading && <Loading />}
      {staff.isError && <LoadFailed />}
      {staff.data && (
        <ListTable
          label={t.title}
          columns={[t.displayName, t.username, t.roles, t.delegationPoints, t.substituteFor, t.status]}
          actions={svAdmin.save}
        >
          {staff.data.map((s) => (
            <Table.Row key={s.id}>
              <Table.HeaderCell scope="row">
                {s.displayName}
                {s.title && (
                  <>
                    <br />
                    <small>{s.title}</small>
                  </>
                )}
              </Table.HeaderCell>
              <Table.Cell>{s.username}</Table.Cell>
              <Table.Cell>{roleNames(s.effectiveRoles)}</Table.Cell>
              <Table.Cell>{s.delegationPoints.join(', ') || '–'}</Table.Cell>
              <Table.Cell>{s.substituteFor.join(', ') || '–'}</Table.Cell>
              <Table.Cell>{s.active ? t.active : t.inactive}</Table.Cell>
              <Table.Cell>
                <div className="row">
                  <Button data-size="sm" variant="secondary" onClick={() => show({ mode: 'edit', staff: s })}>
                    {t.edit(s.displayName)}
                  </Button>
                  <Button
                    data-size="sm"
                    variant="tertiary"
                    onClick={() => show({ mode: 'changes', staff: s })}
                  >
                    {t.changes(s.displayName)}
                  </Button>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
      <FormDialog state={dialog} titleId="staff-title">
        {(open) =>
          open.mode === 'changes' ? (
            <Changes staff={open.staff} onClose={dialog.close} />
          ) : (
            <StaffForm
              staff={open.mode === 'edit' ? open.staff : null}
              onDone={(saved) =>
                dialog.finish(
                  open.mode === 'edit' ? t.saved(saved.displayName) : t.created(saved.displayName),
                )
              }
              onCancel={dialog.close}
            />
          )
        }
      </FormDialog>
    </div>
  );
}

function StaffForm({
  staff,
  onDone,
  onCancel,
}: {
  staff: Staff | null;
  onDone: (saved: Staff) => void;
  onCancel: () => void;
}) {
  const points = useQuery(delegationPointsQueryOptions());
  const [form, setForm] = useState({
    username: '',
    displayName: staff?.displayName ?? '',
    title: staff?.title ?? '',
    roles: (staff?.roles ?? []) as string[],
    delegationPoints: staff?.delegationPoints ?? [],
    substituteFor: staff?.substituteFor ?? [],
    deactivate: staff ? !staff.active : false,
    reason: '',
  });
  const save = useSave(() => {
    const common = {
      displayName: form.displayName,
      title: form.title.trim() === '' ? null : form.title,
      roles: form.roles as StaffRole[],
      delegationPoints: form.delegationPoints,
      substituteFor: form.substituteFor,
      reason: form.reason,
    };
    return staff
      ? updateStaff(staff.id, { ...common, active: !form.deactivate })
      : createStaff({ ...common, username: form.username.trim() });
  }, onDone);
  const errors = atGroups(
    toFieldErrors(save.error, {
      username: t.username,
      displayName: t.displayName,
      title: t.titleField,
      roles: t.roles,
      delegationPoints: t.delegationPoints,
      substituteFor: t.substituteFor,
      reason: svAdmin.reasonShort,
    }),
    { roles: t.roles, delegationPoints: t.delegationPoints, substituteFor: t.substituteFor },
  );
  const field = fieldsOf(form, (patch) => setForm({ ...form, ...patch }), errors);
  const pointOptions = (points.data ?? []).map((p) => ({ value: p.point, label: `${p.point} ${p.title}` }));
  return (
    <DialogForm
      titleId="staff-title"
      title={staff ? t.editTitle(staff.displayName) : t.createTitle}
      errors={errors}
      save={save}
      submitLabel={staff ? svAdmin.save : t.create}
      cancelLabel={svAdmin.cancel}
      onCancel={onCancel}
    >
      {staff ? (
        <dl className="facts">
          <dt>{t.username}</dt>
          <dd>{staff.username}</dd>
        </dl>
      ) : (
        <Textfield
          {...field('username')}
          label={t.username}
          description={t.usernameHint}
          maxLength={100}
          autoComplete="off"
        />
      )}
      <Textfield {...field('displayName')} label={t.displayName} maxLength={200} />
      <Textfield {...field('title')} label={t.titleField} maxLength={200} />
      <CheckboxGroup
        id="roles"
        legend={t.roles}
        options={STAFF_ROLES.map((r) => ({ value: r, label: sv.roles[r] ?? r }))}
        value={form.roles}
        onChange={(roles) => setForm({ ...form, roles })}
        error={errorFor(errors, 'roles')}
      />
      {points.data && (
        <>
          <CheckboxGroup
            id="delegationPoints"
            legend={t.delegationPoints}
            options={pointOptions}
            value={form.delegationPoints}
            onChange={(delegationPoints) => setForm({ ...form, delegationPoints })}
            error={errorFor(errors, 'delegationPoints')}
          />
          <CheckboxGroup
            id="substituteFor"
            legend={t.substituteFor}
            description={t.substituteForHint}
            options={pointOptions}
            value={form.substituteFor}
            onChange={(substituteFor) => setForm({ ...form, substituteFor })}
            error={errorFor(errors, 'substituteFor')}
          />
        </>
      )}
      {staff && (
        <Checkbox
          id="active"
          label={t.deactivate}
          description={t.deactivateHint}
          checked={form.deactivate}
          onChange={(e) => setForm({ ...form, deactivate: e.target.checked })}
        />
      )}
      <Field>
        <Label htmlFor="reason">{svAdmin.reason}</Label>
        <Field.Description>{svAdmin.reasonHint}</Field.Description>
        <Textarea
          id="reason"
          rows={2}
          maxLength={1000}
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
          aria-invalid={!!errorFor(errors, 'reason')}
        />
        {errorFor(errors, 'reason') && <ValidationMessage>{errorFor(errors, 'reason')}</ValidationMessage>}
      </Field>
    </DialogForm>
  );
}

/** Every change of the account: when, who, what, before and after, and why. */
function Changes({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const changes = useQuery(staffChangesQueryOptions(staff.id));
  const show = (v: Record<string, unknown> | null) =>
    v
      ? Object.entries(v)
          .map(([k, x]) => `${k}: ${Array.isArray(x) ? x.join(', ') : String(x)}`)
          .join('; ')
      : '–';
  return (
    <div className="stack">
      <Heading level={2} data-size="sm" id="staff-title">
        {t.changesTitle(staff.displayName)}
      </Heading>
      {changes.isLoading && <Loading />}
      {changes.isError && <LoadFailed />}
      {changes.data?.length === 0 && <Paragraph>{t.noChanges}</Paragraph>}
      {!!changes.data?.length && (
        <ListTable
          label={t.changesTitle(staff.displayName)}
          columns={[t.at, t.actor, t.action, t.detail, t.why]}
        >
          {changes.data.map((c, i) => (
            <Table.Row key={`${c.at}-${i}`}>
              <Table.Cell>{formatDateTime(c.at)}</Table.Cell>
              <Table.Cell>{c.actor}</Table.Cell>
              <Table.Cell>{c.action}</Table.Cell>
              <Table.Cell>
                {show(c.before as Record<string, unknown> | null)} →{' '}
                {show(c.after as Record<string, unknown> | null)}
              </Table.Cell>
              <Table.Cell>{c.reason}</Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
      <div>
        <Button variant="secondary" onClick={onClose}>
          {t.close}
        </Button>
      </div>
    </div>
  );
}
