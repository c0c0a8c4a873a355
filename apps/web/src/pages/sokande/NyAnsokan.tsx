import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { aidFormsQueryOptions, createCase, myOrganisationsQueryOptions } from '../../features/ansokan/api';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { formatKronor } from '../../format';
import { sv } from '../../text/sv';
import { svAnsokan } from '../../text/sv-ansokan';

/**
 * The start page of an application: what to apply for (projektmedel or one of the region's aid forms),
 * who may apply, what is needed; then the organisation and a title.
 */
export default function NyAnsokan() {
  usePageTitle(sv.sokande.startTitle);
  const orgs = useQuery(myOrganisationsQueryOptions());
  const aidForms = useQuery(aidFormsQueryOptions());
  const [kind, setKind] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [title, setTitle] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      createCase(
        kind === 'projekt'
          ? { track: 'projekt', organisationId, title }
          : // No choice made: the API names the missing aid form.
            { track: 'foretagsstod', aidForm: kind || undefined, organisationId, title },
      ),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['get'] });
      void navigate(paths.sokande.ansokan(c.id));
    },
  });
  const errors = toFieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {sv.sokande.startTitle}
      </Heading>
      <Paragraph>{sv.sokande.startIntro}</Paragraph>
      <FormErrorSummary errors={errors} />
      {orgs.isLoading && <Loading />}
      {orgs.isError && <LoadFailed />}
      {orgs.data && orgs.data.length === 0 && <Alert data-color="info">{sv.sokande.noOrganisation}</Alert>}
      {orgs.data && orgs.data.length > 0 && (
        <form onSubmit={submit} noValidate className="stack">
          <Fieldset id="aidForm" tabIndex={-1}>
            <Fieldset.Legend>{svAnsokan.start.kindLegend}</Fieldset.Legend>
            <Fieldset.Description>{svAnsokan.start.kindHint}</Fieldset.Description>
            <Radio
              name="kind"
              value="projekt"
              label={svAnsokan.start.projekt}
              description={svAnsokan.start.projektHint}
              checked={kind === 'projekt'}
              onChange={() => setKind('projekt')}
            />
            {(aidForms.data ?? [])
              .filter((f) => f.inRules)
              .map((f) => (
                <Radio
                  key={f.code}
                  name="kind"
                  value={f.code}
                  label={f.name}
                  description={svAnsokan.start.aidFormHint(
                    f.maxPerDecision === null ? null : formatKronor(f.maxPerDecision),
                  )}
                  checked={kind === f.code}
                  onChange={() => setKind(f.code)}
                />
              ))}
            {errorFor(errors, 'aidForm') && (
              <p className="ds-validation-message" data-color="danger">
                {errorFor(errors, 'aidForm')}
              </p>
            )}
          </Fieldset>
          <Fieldset id="organisationId" tabIndex={-1}>
            <Fieldset.Legend>{sv.sokande.organisation}</Fieldset.Legend>
            <Fieldset.Description>{sv.sokande.organisationHint}</Fieldset.Description>
            {orgs.data.map((o) => (
              <Radio
                key={o.id}
                name="organisationId"
                value={o.id}
                label={`${o.name} (${o.organisationsnummer})`}
                checked={organisationId === o.id}
                onChange={() => setOrganisationId(o.id)}
              />
            ))}
            {errorFor(errors, 'organisationId') && (
              <p className="ds-validation-message" data-color="danger">
                {errorFor(errors, 'organisationId')}
              </p>
            )}
          </Fieldset>
          <Textfield
            id="title"
            label={sv.sokande.titleLabel}
            description={sv.sokande.titleHint}
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
            error={errorFor(errors, 'title')}
            required
          />
          <Button type="submit" loading={create.isPending}>
            {sv.sokande.start}
          </Button>
        </form>
      )}
    </div>
  );
}
