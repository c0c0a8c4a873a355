import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Spinner } from '@digdir/designsystemet-react';
import { AppLayout } from './layouts/AppLayout';
import { RequireRole } from './RequireRole';
import { homeOf, paths } from './paths';
import { meQueryOptions, sessionQueryOptions, useMe } from './auth';
import { queryClient } from './queryClient';
import { csrfToken } from '../api/session';
import { queueQueryFrom, queueQueryOptions } from '../features/arbetsko/api';
import { LoggaIn } from '../pages/LoggaIn';
import { Tillganglighet } from '../pages/Tillganglighet';
import { NotFound } from '../pages/NotFound';
import { sv } from '../text/sv';

/**
 * Each role's pages load only when first visited, so the sign-in page stays small. Who is signed in is
 * asked while the page's code loads, not after it.
 */
function guarded(roles: string[], load: () => Promise<{ default: ComponentType }>) {
  return {
    lazy: async () => {
      if (csrfToken()) {
        void queryClient.prefetchQuery(sessionQueryOptions());
        void queryClient.prefetchQuery(meQueryOptions());
      }
      const { default: Page } = await load();
      return {
        Component: () => (
          <RequireRole roles={roles}>
            <Page />
          </RequireRole>
        ),
      };
    },
  };
}

function Start() {
  const { signedIn, me, isLoading } = useMe();
  if (!isLoading && !signedIn) return <Navigate to={paths.login} replace />;
  if (!me) return <Spinner aria-label={sv.app.loading} />;
  return <Navigate to={homeOf[me.roles[0]] ?? paths.tillganglighet} replace />;
}

export const router = createBrowserRouter([
  {
    Component: AppLayout,
    HydrateFallback: () => null,
    children: [
      { path: paths.start, Component: Start },
      { path: paths.login, Component: LoggaIn },
      { path: paths.tillganglighet, Component: Tillganglighet },
      { path: paths.sokande.arenden, ...guarded(['sokande'], () => import('../pages/sokande/MinaArenden')) },
      {
        path: paths.sokande.organisationer,
        ...guarded(['sokande'], () => import('../pages/sokande/Organisationer')),
      },
      { path: paths.sokande.ny, ...guarded(['sokande'], () => import('../pages/sokande/NyAnsokan')) },
      { path: '/sokande/ansokan/:id', ...guarded(['sokande'], () => import('../pages/sokande/Ansokan')) },
      {
        path: '/sokande/ansokan/:id/del/:part',
        ...guarded(['sokande'], () => import('../pages/sokande/AnsokanDel')),
      },
      {
        path: '/sokande/ansokan/:id/kontrollera',
        ...guarded(['sokande'], () => import('../pages/sokande/Kontrollera')),
      },
      {
        path: '/sokande/ansokan/:id/inskickad',
        ...guarded(['sokande'], () => import('../pages/sokande/Kvitto')),
      },
      { path: '/sokande/arenden/:id', ...guarded(['sokande'], () => import('../pages/sokande/Arende')) },
      {
        path: '/sokande/arenden/:id/utbetalning',
        ...guarded(['sokande'], () => import('../pages/sokande/Utbetalning')),
      },
      {
        path: paths.handlaggare.utbetalningar,
        ...guarded(['handlaggare'], () => import('../pages/handlaggare/Utbetalningar')),
      },
      {
        path: '/handlaggare/utbetalningar/:id',
        ...guarded(['handlaggare'], () => import('../pages/handlaggare/Granska')),
      },
      {
        path: paths.beslutsfattare.attestera,
        ...guarded(['beslutsfattare'], () => import('../pages/beslutsfattare/Attestera')),
      },
      {
        path: paths.sekretariat.utbetalningar,
        ...guarded(['namndsekreterare'], () => import('../pages/sekretariat/Utbetalningar')),
      },
      {
        path: paths.handlaggare.ko,
        ...guarded(['handlaggare'], () => import('../pages/handlaggare/Arbetsko')),
        // The queue's page of cases is asked for at once, beside the page's code and who is signed in.
        loader: ({ request }: { request: Request }) => {
          if (csrfToken())
            void queryClient.prefetchQuery(
              queueQueryOptions(queueQueryFrom(new URL(request.url).searchParams)),
            );
          return null;
        },
      },
      {
        path: paths.handlaggare.kompletteringar,
        ...guarded(['handlaggare'], () => import('../pages/handlaggare/Kompletteringar')),
      },
      {
        path: '/handlaggare/arenden/:id',
        ...guarded(['handlaggare'], () => import('../pages/handlaggare/Arende')),
      },
      {
        path: paths.beslutsfattare.attSignera,
        ...guarded(['beslutsfattare'], () => import('../pages/beslutsfattare/AttSignera')),
      },
      {
        path: paths.sekretariat.redovisning,
        ...guarded(['namndsekreterare'], () => import('../pages/sekretariat/Redovisning')),
      },
      {
        path: paths.admin.inriktningsbeslut,
        ...guarded(['admin'], () => import('../pages/admin/Inriktningsbeslut')),
      },
      {
        path: paths.uppfoljning,
        ...guarded(
          ['namndsekreterare', 'handlaggare', 'beslutsfattare', 'admin'],
          () => import('../pages/Uppfoljning'),
        ),
      },
      {
        path: paths.admin.delegationsordning,
        ...guarded(['admin'], () => import('../pages/admin/Delegationsordning')),
      },
      { path: paths.admin.kataloger, ...guarded(['admin'], () => import('../pages/admin/Kataloger')) },
      { path: paths.admin.anvandare, ...guarded(['admin'], () => import('../pages/admin/Anvandare')) },
      { path: '*', Component: NotFound },
    ],
  },
]);
