import { useEffect, useRef } from 'react';
import { Link as RouterLink, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, SkipLink } from '@digdir/designsystemet-react';
import { sv } from '../../text/sv';
import { svHandlaggning } from '../../text/sv-handlaggning';
import { svUtbetalning } from '../../text/sv-utbetalning';
import { svSekretariat } from '../../text/sv-sekretariat';
import { svAdmin } from '../../text/sv-admin';
import { paths } from '../paths';
import { sessionQueryKey, useMe } from '../auth';
import { api } from '../../api/client';
import { svInloggning } from '../../text/sv-inloggning';

const navByRole: Record<string, { to: string; label: string }[]> = {
  sokande: [
    { to: paths.sokande.arenden, label: sv.nav.minaArenden },
    { to: paths.sokande.ny, label: sv.nav.nyAnsokan },
    { to: paths.sokande.organisationer, label: svInloggning.nav.organisationer },
  ],
  handlaggare: [
    { to: paths.handlaggare.ko, label: sv.nav.arbetsko },
    { to: paths.handlaggare.kompletteringar, label: svHandlaggning.nav.kompletteringar },
    { to: paths.handlaggare.utbetalningar, label: svUtbetalning.nav.granska },
    { to: paths.uppfoljning, label: svSekretariat.nav.uppfoljning },
  ],
  beslutsfattare: [
    { to: paths.beslutsfattare.attSignera, label: sv.nav.attSignera },
    { to: paths.beslutsfattare.attestera, label: svUtbetalning.nav.attestera },
    { to: paths.uppfoljning, label: svSekretariat.nav.uppfoljning },
  ],
  namndsekreterare: [
    { to: paths.sekretariat.redovisning, label: sv.nav.redovisning },
    { to: paths.sekretariat.utbetalningar, label: svUtbetalning.nav.uppfoljning },
    { to: paths.uppfoljning, label: svSekretariat.nav.uppfoljning },
  ],
  admin: [
    { to: paths.admin.inriktningsbeslut, label: sv.nav.inriktningsbeslut },
    { to: paths.admin.delegationsordning, label: svAdmin.nav.delegationsordning },
    { to: paths.admin.kataloger, label: svAdmin.nav.kataloger },
    { to: paths.admin.anvandare, label: svAdmin.nav.anvandare },
    { to: paths.uppfoljning, label: svSekretariat.nav.uppfoljning },
  ],
};

/** Moves focus to the new page's heading after each navigation, as a screen reader user expects. */
function useRouteFocus() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  }, [location.pathname]);
}

export function AppLayout() {
  const { me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useRouteFocus();
  // Ends the session at the API (which clears its cookies), then forgets everything read with it.
  const logout = useMutation({
    mutationFn: async () => {
      const r = await api.POST('/api/auth/logout');
      // 401: the session had ended already, which is what was asked for.
      if (!r.response.ok && r.response.status !== 401) throw new Error(svInloggning.logoutFailed);
    },
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
      void navigate(paths.login);
    },
  });
  // A person with several roles sees a page that more of them share once.
  const links = me
    ? me.roles
        .flatMap((r) => navByRole[r] ?? [])
        .filter((l, i, all) => all.findIndex((o) => o.to === l.to) === i)
    : [];

  return (
    <div className="app">
      <SkipLink href="#main">{sv.app.skipLink}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <RouterLink to={paths.start} className="app-name">
            {sv.app.name}
          </RouterLink>
          {me && (
            <nav aria-label={sv.app.mainNav} className="app-nav">
              <ul>
                {links.map((l) => (
                  <li key={l.to}>
                    <NavLink to={l.to} end>
                      {l.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {me && (
            <div className="app-user">
              <span>{sv.app.signedInAs(me.username)}</span>
              <Button
                variant="tertiary"
                data-size="sm"
                loading={logout.isPending}
                onClick={() => logout.mutate()}
              >
                {sv.app.signOut}
              </Button>
              {logout.isError && <span role="alert">{svInloggning.logoutFailed}</span>}
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <RouterLink to={paths.tillganglighet}>{sv.tillganglighet.title}</RouterLink>
      </footer>
    </div>
  );
}
