import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@digdir/designsystemet-css';
import './theme/anslag.css';
import './app/app.css';
import { router } from './app/router';
import { setUnauthorizedHandler } from './api/client';
import { paths } from './app/paths';
import { sessionQueryKey } from './app/auth';
import { currentPath } from './api/session';
import { queryClient } from './app/queryClient';

// The session has ended: sign in again and come back to the same page.
setUnauthorizedHandler(() => {
  if (window.location.pathname === paths.login) return;
  const till = currentPath();
  queryClient.clear();
  queryClient.setQueryData(sessionQueryKey, null);
  void router.navigate(`${paths.login}?till=${encodeURIComponent(till)}`, { replace: true });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
