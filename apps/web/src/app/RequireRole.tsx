import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Spinner } from '@digdir/designsystemet-react';
import { sv } from '../text/sv';
import { paths } from './paths';
import { useMe } from './auth';

/** Shows the page to someone signed in with one of the roles; sends anyone else to sign in and back. */
export function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { signedIn, me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return <Spinner aria-label={sv.app.loading} />;
  if (!signedIn)
    return (
      <Navigate
        to={`${paths.login}?till=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  if (!me) return <Spinner aria-label={sv.app.loading} />;
  if (!me.roles.some((r) => roles.includes(r))) return <Alert data-color="warning">{sv.app.forbidden}</Alert>;
  return <>{children}</>;
}
