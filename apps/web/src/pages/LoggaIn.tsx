import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api } from '../api/client';
import { ApiError, toFieldErrors, unwrap } from '../api/errors';
import { session } from '../api/session';
import { FormErrorSummary, errorFor } from '../components/FormErrorSummary';
import { usePageTitle } from '../app/usePageTitle';
import { useMe } from '../app/auth';
import { paths } from '../app/paths';
import { sv } from '../text/sv';

export function LoggaIn() {
  usePageTitle(sv.login.title);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { token } = useMe();
  const login = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/login', { body: { username, password } })),
    onSuccess: ({ accessToken }) => {
      queryClient.clear();
      session.set(accessToken);
      const till = params.get('till');
      void navigate(till && till.startsWith('/') && !till.startsWith('//') ? till : paths.start);
    },
  });
  const errors = toFieldErrors(login.error);
  const wrongPassword = login.error instanceof ApiError && login.error.body.statusCode === 401;
  if (token && !login.isPending && !login.isSuccess) return <Navigate to={paths.start} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {sv.login.title}
      </Heading>
      <Paragraph>{sv.login.intro}</Paragraph>
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
        <Button type="submit" loading={login.isPending}>
          {sv.login.submit}
        </Button>
      </form>
    </div>
  );
}
