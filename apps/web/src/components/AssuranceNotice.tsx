import { useQuery } from '@tanstack/react-query';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { ApiError, type FieldError } from '../api/errors';
import { currentPath } from '../api/session';
import { providerLoginUrl, providersQueryOptions, useMe } from '../app/auth';
import { svInloggning } from '../text/sv-inloggning';

const t = svInloggning.assurance;

/**
 * Said before the person tries: a password session may write drafts but not submit or act for an
 * organisation (the API requires e-legitimation). Offers to sign in with it and come back here.
 */
export function AssuranceNotice() {
  const { session } = useMe();
  const providers = useQuery(providersQueryOptions());
  if (!session || session.acr) return null;
  const elegitimation = providers.data?.find((p) => p.kind === 'e-legitimation');
  return (
    <Alert data-color="warning" id="assurance">
      <Heading level={2} data-size="xs">
        {t.heading}
      </Heading>
      <Paragraph>{t.text}</Paragraph>
      {elegitimation && (
        <Paragraph>
          <Link href={providerLoginUrl(elegitimation.loginUrl, currentPath())}>{t.action}</Link>
        </Paragraph>
      )}
    </Alert>
  );
}

/** The API's refusal for too low a level of assurance, said in the app's words and tied to the notice. */
export function assuranceError(error: unknown): FieldError[] | null {
  if (!(error instanceof ApiError) || error.body.code !== 'ASSURANCE_TOO_LOW') return null;
  return [{ id: 'assurance', field: '', message: `${t.heading}. ${t.text}` }];
}
