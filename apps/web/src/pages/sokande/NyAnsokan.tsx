import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { createCase, myOrganisationsQueryOptions } from '../../features/ansokan/api';
import { toFieldErrors } from '../../api/errors';
import { FormErrorSummary, errorFor } from '../../components/FormErrorSummary';
import { LoadFailed, Loading } from '../../components/Loading';
import { usePageTitle } from '../../app/usePageTitle';
import { paths } from '../../app/paths';
import { sv } from '../../text/sv';

/** The start page of a mikrobidrag application: who may apply, what is needed; then the firm and a title. */
export default function NyAnsokan() {
  usePageTitle(sv.sokande.startTitle);
  const orgs = useQuery(myOrganisationsQueryOptions());
  const [organisationId, setOrganisationId] = useState('');
  const [title, setTitle] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => createCase({ track: 'foretagsstod', aidForm: 'mikrobidrag', organisationId, title }),
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
