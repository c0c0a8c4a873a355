import { Alert, Spinner } from '@digdir/designsystemet-react';
import { sv } from '../text/sv';

export function Loading() {
  return <Spinner aria-label={sv.app.loading} />;
}

export function LoadFailed() {
  return <Alert data-color="danger">{sv.app.loadFailed}</Alert>;
}
