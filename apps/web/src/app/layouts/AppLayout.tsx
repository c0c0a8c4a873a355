import { useEffect, useRef } from 'react';
import { Link as RouterLink, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, SkipLink } from '@digdir/designsystemet-react';
import { sv } from '../../text/sv';
import { svUtbetalning } from '../../text/sv-utbetalning';
import { svSekretariat } from '../../text/sv-sekretariat';
import { svAdmin } from '../../text/sv-admin';
import { paths } from '../paths';
import { useMe } from '../auth';
import { session } from '../../api/session';

const navByRole: Record<string, { to: string; label: string }[]> = {
  sokande: [
    { to: paths.sokande.arenden, label: sv.nav.minaArenden },
    { to: paths.sokande.ny, label: sv.nav.nyAnsokan },
  ],
  handlaggare: [
    { to: paths.handlaggare.ko, label: sv.nav.arbetsko },
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
                onClick={() => {
                  session.clear();
                  queryClient.clear();
                  void navigate(paths.login);
                }}
              >
                {sv.app.signOut}
              </Button>
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
