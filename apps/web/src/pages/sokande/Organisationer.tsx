import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { myOrganisationsQueryOptions } from '../../features/ansokan/api';
import {
  kommunerQueryOptions,
  myMandatesQueryOptions,
  registerOrganisation,
  requestAccess,
  type Mandate,
} from '../../features/organisation/api';
import { toFieldErrors, type FieldError } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { ListTable } from '../../components/ListTable';
import { fieldsOf } from '../../components/fields';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate } from '../../format';
import { svInloggning } from '../../text/sv-inloggning';

const t = svInloggning.org;
const f = t.fields;
const OUTSIDE = 'utanfor';

interface Draft {
  organisationsnummer: string;
  name: string;
  legalForm: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  kommunCode: string;
  employees: string;
  fte: string;
  runBy: string;
  sniCode: string;
}
const empty: Draft = {
  organisationsnummer: '',
  name: '',
  legalForm: '',
  streetAddress: '',
  postalCode: '',
  city: '',
  kommunCode: '',
  employees: '',
  fte: '',
  runBy: '',
  sniCode: '',
};

/** A count as typed, or the text itself so that the API names what is wrong with it. */
function count(value: string): number | undefined {
  const v = value.trim();
  if (!v) return undefined;
  return /^\d+$/.test(v) ? Number(v) : (v as unknown as number);
}

/** Full-time equivalents as typed ("2,5") in hundredths (250), as the API takes them. */
function hundredths(value: string): number | undefined {
  const v = value.trim().replace(',', '.');
  if (!v) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(v) ? Math.round(Number(v) * 100) : (value as unknown as number);
}

function bodyOf(d: Draft): Schemas['CreateOrganisationDto'] {
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    organisationsnummer: d.organisationsnummer.trim(),
    name: d.name.trim(),
    legalForm: d.legalForm,
    streetAddress: d.streetAddress.trim(),
    postalCode: d.postalCode.trim(),
    city: d.city.trim(),
    kommunCode: d.kommunCode === OUTSIDE || !d.kommunCode ? null : d.kommunCode,
    employees: count(d.employees),
    fteHundredths: hundredths(d.fte),
    runBy: (d.runBy || null) as Schemas['CreateOrganisationDto']['runBy'],
    sniCode: optional(d.sniCode),
  };
}

/** The API's field names as the form's input ids; the full-time equivalents are typed in one input. */
const labels: Record<string, string> = {
  organisationsnummer: f.organisationsnummer,
  name: f.name,
  legalForm: f.legalForm,
  streetAddress: f.streetAddress,
  postalCode: f.postalCode,
  city: f.city,
  kommunCode: f.kommunCode,
  employees: f.employees,
  fteHundredths: f.fteHundredths,
  runBy: f.runBy,
  sniCode: f.sniCode,
};

function MandateCell({ mandates }: { mandates: Mandate[] }) {
  if (!mandates.length) return <>{t.noMandate}</>;
  return (
    <>
      {mandates
        .map((m) => `${t.kind[m.kind] ?? m.kind}: ${(t.status[m.status] ?? m.status).toLowerCase()}`)
        .join(', ')}
    </>
  );
}

export default function Organisationer() {
  usePageTitle(t.title);
  const queryClient = useQueryClient();
  const orgs = useQuery(myOrganisationsQueryOptions());
  const mandates = useQuery(myMandatesQueryOptions());
  const kommuner = useQuery(kommunerQueryOptions());
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [registered, setRegistered] = useState<string | null>(null);
  const [accessNr, setAccessNr] = useState('');
  const [accessErrors, setAccessErrors] = useState<FieldError[]>([]);
  const [accessSent, setAccessSent] = useState(false);
  const registeredRef = useRef<HTMLDivElement>(null);
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const field = fieldsOf(draft, change, errors);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['get'] });

  const register = useMutation({
    mutationFn: () => registerOrganisation(bodyOf(draft)),
    onSuccess: (org) => {
      setErrors([]);
      setDraft(empty);
      setRegistered(org.name);
      void refresh();
      setTimeout(() => registeredRef.current?.focus());
    },
    onError: (e) => {
      setRegistered(null);
      // The full-time equivalents are typed in the input `fte`.
      setErrors(toFieldErrors(e, labels).map((x) => (x.id === 'fteHundredths' ? { ...x, id: 'fte' } : x)));
    },
  });
  const access = useMutation({
    mutationFn: () => requestAccess(accessNr.trim()),
    onSuccess: () => {
      setAccessErrors([]);
      setAccessSent(true);
      setAccessNr('');
      void refresh();
    },
    onError: (e) => {
      setAccessSent(false);
      // This form's one input has an id of its own on the page.
      setAccessErrors(
        toFieldErrors(e, { organisationsnummer: f.organisationsnummer }).map((x) =>
          x.id === 'organisationsnummer' ? { ...x, id: 'access-organisationsnummer' } : x,
        ),
      );
    },
  });

  const onRegister = (e: FormEvent) => {
    e.preventDefault();
    register.mutate();
  };
  const onAccess = (e: FormEvent) => {
    e.preventDefault();
    access.mutate();
  };
  const mandatesOf = (orgId: string) => (mandates.data ?? []).filter((m) => m.organisationId === orgId);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>

      <section className="stack">
        <Heading level={2} data-size="md">
          {t.mineHeading}
        </Heading>
        {(orgs.isLoading || mandates.isLoading) && <Loading />}
        {(orgs.isError || mandates.isError) && <LoadFailed />}
        {orgs.data && orgs.data.length === 0 && <Paragraph>{t.none}</Paragraph>}
        {orgs.data && orgs.data.length > 0 && (
          <ListTable
            label={t.tableCaption}
            columns={[t.name, t.organisationsnummer, t.kommun, t.mandate]}
            plain
          >
            {orgs.data.map((o) => (
              <Table.Row key={o.id}>
                <Table.HeaderCell scope="row">{o.name}</Table.HeaderCell>
                <Table.Cell>{o.organisationsnummer}</Table.Cell>
                <Table.Cell>{o.kommun ?? f.outsideRegion}</Table.Cell>
                <Table.Cell>
                  <MandateCell mandates={mandatesOf(o.id)} />
                </Table.Cell>
              </Table.Row>
            ))}
          </ListTable>
        )}
        <Heading level={3} data-size="xs">
          {t.mandatesHeading}
        </Heading>
        {mandates.data && mandates.data.length === 0 && <Paragraph>{t.noMandates}</Paragraph>}
        {mandates.data && mandates.data.length > 0 && (
          <ListTable
            label={t.mandatesCaption}
            columns={[t.name, t.mandateKind, t.mandateStatus, t.validUntil]}
            plain
          >
            {mandates.data.map((m) => (
              <Table.Row key={m.id}>
                <Table.HeaderCell scope="row">{m.organisationName ?? '–'}</Table.HeaderCell>
                <Table.Cell>{t.kind[m.kind] ?? m.kind}</Table.Cell>
                <Table.Cell>{t.status[m.status] ?? m.status}</Table.Cell>
                <Table.Cell>{m.validUntil ? formatDate(m.validUntil) : t.noEnd}</Table.Cell>
              </Table.Row>
            ))}
          </ListTable>
        )}
      </section>

      <section className="stack">
        <Heading level={2} data-size="md">
          {t.registerHeading}
        </Heading>
        <Paragraph>{t.registerIntro}</Paragraph>
        {registered && (
          <Alert data-color="success" role="status" ref={registeredRef} tabIndex={-1}>
            {t.registered(registered)}
          </Alert>
        )}
        <FormErrorSummary errors={errors} heading={t.errorHeading} />
        <form onSubmit={onRegister} noValidate className="stack">
          <Textfield
            {...field('organisationsnummer')}
            label={f.organisationsnummer}
            description={f.organisationsnummerHint}
            inputMode="numeric"
            autoComplete="off"
            required
          />
          <Textfield {...field('name')} label={f.name} autoComplete="organization" required />
          <SelectField
            id="legalForm"
            label={f.legalForm}
            value={draft.legalForm}
            onChange={(v) => change({ legalForm: v })}
            error={errorFor(errors, 'legalForm')}
            options={t.legalForms.map((l) => ({ value: l, label: l }))}
          />
          <Textfield
            {...field('streetAddress')}
            label={f.streetAddress}
            autoComplete="street-address"
            required
          />
          <div className="row">
            <Textfield
              {...field('postalCode')}
              label={f.postalCode}
              autoComplete="postal-code"
              inputMode="numeric"
              required
            />
            <Textfield {...field('city')} label={f.city} autoComplete="address-level2" required />
          </div>
          <SelectField
            id="kommunCode"
            label={f.kommunCode}
            description={f.kommunHint}
            value={draft.kommunCode}
            onChange={(v) => change({ kommunCode: v })}
            error={errorFor(errors, 'kommunCode')}
            options={[
              ...(kommuner.data ?? []).map((k) => ({ value: k.code, label: k.name })),
              { value: OUTSIDE, label: f.outsideRegion },
            ]}
          />
          <div className="row">
            <Textfield
              {...field('employees')}
              label={f.employees}
              description={f.optional}
              inputMode="numeric"
            />
            <Textfield
              {...field('fte')}
              label={f.fteHundredths}
              description={f.fteHint}
              inputMode="decimal"
            />
          </div>
          <Fieldset id="runBy" tabIndex={-1}>
            <Fieldset.Legend>{f.runBy}</Fieldset.Legend>
            <Fieldset.Description>{f.optional}</Fieldset.Description>
            {Object.entries(t.runBy).map(([value, label]) => (
              <Radio
                key={value}
                name="runBy"
                value={value}
                label={label}
                checked={draft.runBy === value}
                onChange={() => change({ runBy: value })}
              />
            ))}
            {errorFor(errors, 'runBy') && <ValidationMessage>{errorFor(errors, 'runBy')}</ValidationMessage>}
          </Fieldset>
          <Textfield {...field('sniCode')} label={f.sniCode} description={f.sniHint} inputMode="numeric" />
          <div>
            <Button type="submit" loading={register.isPending}>
              {t.register}
            </Button>
          </div>
        </form>
      </section>

      <section className="stack">
        <Heading level={2} data-size="md">
          {t.accessHeading}
        </Heading>
        <Paragraph>{t.accessIntro}</Paragraph>
        {accessSent && (
          <Alert data-color="success" role="status">
            {t.accessSent}
          </Alert>
        )}
        <FormErrorSummary errors={accessErrors} heading={t.errorHeading} />
        <form onSubmit={onAccess} noValidate className="stack">
          <Textfield
            id="access-organisationsnummer"
            label={f.organisationsnummer}
            description={f.organisationsnummerHint}
            inputMode="numeric"
            autoComplete="off"
            value={accessNr}
            onChange={(e) => setAccessNr(e.target.value)}
            error={errorFor(accessErrors, 'access-organisationsnummer')}
            required
          />
          <div>
            <Button type="submit" variant="secondary" loading={access.isPending}>
              {t.accessSubmit}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}

/** A labelled select with its hint and the API's problem beside it (designsystemet's Field ties them). */
function SelectField(props: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Field>
      <Label>{props.label}</Label>
      {props.description && <Field.Description>{props.description}</Field.Description>}
      <Select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={!!props.error}
      >
        <Select.Option value="">{t.choose}</Select.Option>
        {props.options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {props.error && <ValidationMessage>{props.error}</ValidationMessage>}
    </Field>
  );
}
