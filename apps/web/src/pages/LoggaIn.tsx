import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api } from '../api/client';
import { ApiError, toFieldErrors, unwrap } from '../api/errors';
import { safeReturnPath } from '../api/session';
import { FormErrorSummary, errorFor } from '../components/FormErrorSummary';
import { usePageTitle } from '../app/usePageTitle';
import { providerLoginUrl, providersQueryOptions, sessionQueryKey, useMe } from '../app/auth';
import { paths } from '../app/paths';
import { sv } from '../text/sv';
import { svInloggning } from '../text/sv-inloggning';

const t = svInloggning.login;

export function LoggaIn() {
  usePageTitle(t.title);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { signedIn } = useMe();
  const till = safeReturnPath(params.get('till'));
  const back = till ?? paths.start;
  // A sign-in through a provider that failed comes back here with the API's error code.
  const failed = params.get('fel');
  const providers = useQuery(providersQueryOptions());
  const login = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/session', { body: { username, password } })),
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
      void navigate(back, { replace: true });
    },
  });
  const wrongPassword = login.error instanceof ApiError && login.error.body.statusCode === 401;
  const errors = wrongPassword ? [] : toFieldErrors(login.error);
  if (signedIn && !login.isPending && !login.isSuccess) return <Navigate to={back} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  const applicant = providers.data?.find((p) => p.kind === 'e-legitimation');
  const staff = providers.data?.find((p) => p.kind === 'personal');
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      {failed && (
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {t.failedHeading}
          </Heading>
          <Paragraph>{t.failed[failed] ?? t.failedOther}</Paragraph>
        </Alert>
      )}
      {!failed && till && till !== paths.start ? (
        <Alert data-color="info">{t.sessionEnded}</Alert>
      ) : (
        <Paragraph>{t.intro}</Paragraph>
      )}
      {applicant && (
        <Card data-color="neutral" className="stack">
          <Heading level={2} data-size="sm">
            {t.applicantHeading}
          </Heading>
          <Paragraph>{t.applicantText}</Paragraph>
          <div>
            <Button asChild>
              <a href={providerLoginUrl(applicant.loginUrl, back)}>{t.elegitimation}</a>
            </Button>
          </div>
        </Card>
      )}
      {staff && (
        <Card data-color="neutral" className="stack">
          <Heading level={2} data-size="sm">
            {t.staffHeading}
          </Heading>
          <Paragraph>{t.staffText}</Paragraph>
          <div>
            <Button asChild variant={applicant ? 'secondary' : 'primary'}>
              <a href={providerLoginUrl(staff.loginUrl, back)}>{t.staff}</a>
            </Button>
          </div>
        </Card>
      )}
      {providers.data && providers.data.length === 0 && <Alert data-color="info">{t.noProviders}</Alert>}
      <div className="stack">
        <Heading level={2} data-size="sm">
          {t.passwordHeading}
        </Heading>
        <Paragraph>{t.passwordText}</Paragraph>
        <FormErrorSummary errors={errors} heading={sv.login.errorHeading} />
        {wrongPassword && (
          <Alert data-color="danger" role="alert">
            {sv.login.failed}
          </Alert>
        )}
        <form onSubmit={submit} noValidate className="stack">
          <Textfield
            id="username"
            label={sv.login.username}
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={errorFor(errors, 'username')}
            required
          />
          <Textfield
            id="password"
            type="password"
            label={sv.login.password}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errorFor(errors, 'password')}
            required
          />
          <div>
            <Button type="submit" variant="secondary" loading={login.isPending}>
              {sv.login.submit}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
