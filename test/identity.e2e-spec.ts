import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Account, Role, TokenService } from '@anslag/auth';
import {
  Browser,
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  reservePort,
  LocalIdp,
  mindLikeProject,
  randomOrganisationsnummer,
  signInThroughIdp,
  TestUser,
  localIdpEnv,
} from '@anslag/testing';

const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';
// Two provider processes and many redirects per sign-in, on a shared machine.
jest.setTimeout(30_000);

interface Call {
  browser?: Browser;
  auth?: TestUser;
  body?: unknown;
  csrf?: boolean | string;
}

describe('identity: sign-in through the local OpenID providers, sessions, mandates, staff', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let api: string;
  let applicantIdp: LocalIdp;
  let staffIdp: LocalIdp;
  let officer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    // Held until the api listens on it: the providers are told the api's address before it starts.
    const { port, release } = await reservePort();
    try {
      api = `http://127.0.0.1:${port}`;
      applicantIdp = await LocalIdp.start('e-legitimation', `${api}/api/auth/oidc/e-legitimation/callback`);
      staffIdp = await LocalIdp.start('personal', `${api}/api/auth/oidc/personal/callback`);
      Object.assign(
        process.env,
        localIdpEnv(
          api,
          { applicant: applicantIdp, staff: staffIdp },
          'anslag-handlaggare=handlaggare,anslag-admin=admin',
        ),
      );
      app = await createTestApp();
    } finally {
      await release();
    }
    await app.listen({ port, host: '127.0.0.1' });
    ds = app.get(DataSource);
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    admin = await createUser(app, [Role.admin]);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await applicantIdp?.stop();
    await staffIdp?.stop();
  });

  async function call(method: string, path: string, c: Call = {}) {
    const headers: Record<string, string> = {};
    if (c.body !== undefined) headers['content-type'] = 'application/json';
    if (c.auth) headers.authorization = `Bearer ${c.auth.token}`;
    if (c.browser && c.csrf !== false) {
      const csrf = typeof c.csrf === 'string' ? c.csrf : c.browser.cookie(api, 'anslag_csrf');
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    const { response } = await (c.browser ?? new Browser()).request(`${api}${path}`, {
      method,
      headers,
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function applicant(personId: string): Promise<Browser> {
    const browser = new Browser();
    const hops = await signInThroughIdp(browser, api, 'e-legitimation', personId, '/mina-sidor');
    expect(hops.callback.status).toBe(302);
    expect(hops.callbackLocation).toBe(`${api}/mina-sidor`);
    return browser;
  }

  describe('applicants with e-legitimation', () => {
    let erik: Browser;
    let maja: Browser;
    let orgId: string;
    let caseId: string;
    const orgnr = randomOrganisationsnummer();
    const company = {
      organisationsnummer: orgnr,
      name: 'Ekströms Verkstad AB',
      streetAddress: 'Verkstadsgatan 2',
      postalCode: '70211',
      city: 'Örebro',
      kommunCode: '1880',
      legalForm: 'Aktiebolag',
    };

    it('asks for PKCE and loa3, and the first sign-in creates the person from the personnummer claim, without a password', async () => {
      const browser = new Browser();
      const hops = await signInThroughIdp(browser, api, 'e-legitimation', 'erik');
      const q = hops.authorizationUrl.searchParams;
      expect(hops.authorizationUrl.origin).toBe(applicantIdp.issuer);
      expect(q.get('code_challenge_method')).toBe('S256');
      expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(q.get('acr_values')).toBe(LOA3);
      expect(q.get('scope')).toContain('https://id.oidc.se/scope/naturalPersonNumber');
      expect(hops.callback.status).toBe(302);
      const setCookies = hops.callback.headers.getSetCookie().join('\n');
      expect(setCookies).toMatch(/anslag_session=[^;]+;.*HttpOnly/i);
      expect(setCookies).toMatch(/anslag_session=[^;]+;.*Secure/i);
      expect(setCookies).toMatch(/anslag_session=[^;]+;.*SameSite=Lax/i);
      erik = browser;

      const me = await call('GET', '/api/auth/session', { browser: erik });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ roles: ['sokande'], acr: LOA3 });
      expect(me.body.csrfToken).toBe(erik.cookie(api, 'anslag_csrf'));
      const account = await ds
        .getRepository(Account)
        .createQueryBuilder('a')
        .addSelect('a.passwordHash')
        .where('a.personnummer = :p', { p: '197506039812' })
        .getOneOrFail();
      expect(account).toMatchObject({ displayName: 'Erik Ekström', roles: ['sokande'], passwordHash: null });
    });

    it('refuses an e-legitimation below the level asked for, and creates no one', async () => {
      const hops = await signInThroughIdp(new Browser(), api, 'e-legitimation', 'lisa');
      expect(hops.callback.status).toBe(401);
      expect(((await hops.callback.json()) as { code: string }).code).toBe('SIGN_IN_ASSURANCE_TOO_LOW');
      expect(await ds.getRepository(Account).count({ where: { personnummer: '199211079885' } })).toBe(0);
    });

    it('refuses a callback that was not started here (no pending sign-in), and a session cookie it never gave', async () => {
      const r = await call('GET', '/api/auth/oidc/e-legitimation/callback?code=x&state=y');
      expect(r.status).toBe(401);
      const forged = new Browser();
      await forged.request(`${api}/health`);
      const headers = { cookie: 'anslag_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
      const res = await fetch(`${api}/api/auth/session`, { headers });
      expect(res.status).toBe(401);
    });

    it('needs the CSRF header on state-changing requests of a session', async () => {
      const r = await call('POST', '/api/organisations', { browser: erik, body: company, csrf: false });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('CSRF_FAILED');
      const wrong = await call('POST', '/api/organisations', { browser: erik, body: company, csrf: 'fel' });
      expect(wrong.status).toBe(403);
      expect(
        await ds.query('SELECT 1 FROM organisation WHERE organisationsnummer = $1', [orgnr]),
      ).toHaveLength(0);
    });

    it('registering makes the person an unverified representative who may draft but not submit', async () => {
      const r = await call('POST', '/api/organisations', { browser: erik, body: company });
      expect(r.status).toBe(201);
      orgId = r.body.id;
      const mandates = await call('GET', '/api/mandates/mine', { browser: erik });
      expect(mandates.body).toEqual([
        expect.objectContaining({ organisationId: orgId, kind: 'firmatecknare', status: 'overifierad' }),
      ]);
      const draft = await call('POST', '/api/cases', { browser: erik, body: mindLikeProject(orgId) });
      expect(draft.status).toBe(201);
      caseId = draft.body.id;
      const submit = await call('POST', `/api/cases/${caseId}/transitions`, {
        browser: erik,
        body: { transition: 'skicka_in' },
      });
      expect(submit.status).toBe(403);
      expect(submit.body.code).toBe('MANDATE_NOT_VERIFIED');
      const [row] = await ds.query('SELECT status, diarienummer FROM grant_case WHERE id = $1', [caseId]);
      expect(row).toEqual({ status: 'utkast', diarienummer: null });
    });

    it('a squatter gets no access and learns nothing, and may only ask for access', async () => {
      const olle = await applicant('olle');
      const clash = await call('POST', '/api/organisations', {
        browser: olle,
        body: { ...company, name: 'Olles Övertagande AB' },
      });
      expect(clash.status).toBe(409);
      expect(JSON.stringify(clash.body)).not.toMatch(/Erik|Ekström|197506|firmatecknare/);
      expect(clash.body.message).toMatch(/begära behörighet/);
      expect((await call('GET', `/api/organisations/${orgId}`, { browser: olle })).status).toBe(404);
      expect((await call('GET', `/api/cases/${caseId}`, { browser: olle })).status).toBe(404);
      expect((await call('GET', `/api/organisations/${orgId}/mandates`, { browser: olle })).status).toBe(404);
      const list = await call('GET', '/api/cases', { browser: olle });
      expect(list.body.items).toEqual([]);

      const asked = await call('POST', '/api/organisations/access-requests', {
        browser: olle,
        body: { organisationsnummer: orgnr },
      });
      const unknown = await call('POST', '/api/organisations/access-requests', {
        browser: olle,
        body: { organisationsnummer: randomOrganisationsnummer() },
      });
      expect(asked.status).toBe(202);
      expect(unknown).toEqual(asked);
      // Asking gives nothing until it is granted.
      expect((await call('GET', `/api/organisations/${orgId}`, { browser: olle })).status).toBe(404);
      const submit = await call('POST', `/api/cases/${caseId}/transitions`, {
        browser: olle,
        body: { transition: 'skicka_in' },
      });
      expect(submit.status).toBe(404);
    });

    it('an officer verifies the mandate; the representative then invites a second person, who signs in and submits', async () => {
      const listed = await call('GET', `/api/organisations/${orgId}/mandates`, { auth: officer });
      const unverified = listed.body.find((m: { status: string }) => m.status === 'overifierad');
      const asked = listed.body.find((m: { status: string }) => m.status === 'begard');
      expect(unverified.personnummer).toBe('19750603-****');
      const notOfficer = await call('POST', `/api/mandates/${unverified.id}/verify`, {
        browser: erik,
        body: { note: 'själv' },
      });
      expect(notOfficer.status).toBe(403);
      const verified = await call('POST', `/api/mandates/${unverified.id}/verify`, {
        auth: officer,
        body: { note: 'Registreringsbevis från Bolagsverket i bilaga' },
      });
      expect(verified.status).toBe(200);
      expect(verified.body.status).toBe('giltig');

      // The verified representative refuses the squatter's request and invites Maja by personnummer.
      const refused = await call('POST', `/api/mandates/${asked.id}/revoke`, {
        browser: erik,
        body: { reason: 'Okänd person' },
      });
      expect(refused.body.status).toBe('avslagen');
      const invited = await call('POST', `/api/organisations/${orgId}/mandates`, {
        browser: erik,
        body: { personnummer: '19900314-9847' },
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ kind: 'ombud', status: 'giltig', personName: null });
      const asSignatory = await call('POST', `/api/organisations/${orgId}/mandates`, {
        browser: erik,
        body: { personnummer: '19680922-9872', kind: 'firmatecknare' },
      });
      expect(asSignatory.status).toBe(400);
      expect(asSignatory.body.details[0].field).toBe('kind');

      maja = await applicant('maja');
      const mine = await call('GET', '/api/organisations/mine', { browser: maja });
      expect(mine.body.map((o: { id: string }) => o.id)).toEqual([orgId]);
      const submitted = await call('POST', `/api/cases/${caseId}/transitions`, {
        browser: maja,
        body: { transition: 'skicka_in' },
      });
      expect(submitted.status).toBe(201);
      expect(submitted.body.status).toBe('inskickad');
      const [history] = await ds.query(
        `SELECT actor_name, after FROM case_history WHERE case_id = $1 AND action = 'skicka_in'`,
        [caseId],
      );
      expect(history.actor_name).toMatch(/Maja Mikko/);
      expect(history.after.mandate).toEqual({
        mandateId: invited.body.id,
        kind: 'ombud',
        acr: 'http://id.elegnamnden.se/loa/1.0/loa4',
      });
    });

    it('an ombud may not invite; a revoked person loses access at once; everything is in the history', async () => {
      const byOmbud = await call('POST', `/api/organisations/${orgId}/mandates`, {
        browser: maja,
        body: { personnummer: '19680922-9872' },
      });
      expect(byOmbud.status).toBe(404);
      const [mandate] = await call('GET', '/api/mandates/mine', { browser: maja }).then((r) => r.body);
      const revoked = await call('POST', `/api/mandates/${mandate.id}/revoke`, {
        browser: erik,
        body: { reason: 'Slutat hos oss' },
      });
      expect(revoked.body.status).toBe('aterkallad');
      expect((await call('GET', `/api/cases/${caseId}`, { browser: maja })).status).toBe(404);
      const events = await call('GET', `/api/organisations/${orgId}/history`, { browser: erik });
      expect(events.body.map((e: { action: string }) => e.action)).toEqual([
        'organisation_registrerad',
        'behorighet_overifierad',
        'behorighet_begard',
        'behorighet_verifierad',
        'behorighet_avslagen',
        'behorighet_given',
        'behorighet_aterkallad',
      ]);
    });

    it('a sole trader is represented by its owner at once', async () => {
      const soleTrader = {
        ...company,
        organisationsnummer: '900314-9847',
        name: 'Maja Mikko Design',
        legalForm: 'Enskild näringsverksamhet',
      };
      const r = await call('POST', '/api/organisations', { browser: maja, body: soleTrader });
      expect(r.status).toBe(201);
      const draft = await call('POST', '/api/cases', { browser: maja, body: mindLikeProject(r.body.id) });
      const submit = await call('POST', `/api/cases/${draft.body.id}/transitions`, {
        browser: maja,
        body: { transition: 'skicka_in' },
      });
      expect(submit.status).toBe(201);
    });

    it('refuses to submit at a lower level of assurance than acting needs, e.g. after a password', async () => {
      const org = await createOrganisation(ds);
      const rep = await createUser(app, [Role.sokande], [org.id]);
      const draft = await call('POST', '/api/cases', { auth: rep, body: mindLikeProject(org.id) });
      const token = await app.get(TokenService).issue({
        userId: rep.account.id,
        username: rep.account.username,
        roles: [Role.sokande],
        organisationIds: [org.id],
        acr: null,
      });
      const res = await fetch(`${api}/api/cases/${draft.body.id}/transitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ transition: 'skicka_in' }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('ASSURANCE_TOO_LOW');
      const [row] = await ds.query('SELECT status FROM grant_case WHERE id = $1', [draft.body.id]);
      expect(row.status).toBe('utkast');
    });

    it('logout ends the session', async () => {
      expect((await call('POST', '/api/auth/logout', { browser: erik, csrf: false })).status).toBe(403);
      const cookie = erik.cookie(api, 'anslag_session');
      expect((await call('POST', '/api/auth/logout', { browser: erik })).status).toBe(204);
      const res = await fetch(`${api}/api/auth/session`, { headers: { cookie: `anslag_session=${cookie}` } });
      expect(res.status).toBe(401);
    });
  });

  describe('staff through the region provider, break-glass accounts, administration', () => {
    const staff = (id: string) => {
      const browser = new Browser();
      return signInThroughIdp(browser, api, 'personal', id).then((hops) => ({ browser, hops }));
    };

    it('takes roles from groups, and a deactivated person is refused on the next request', async () => {
      const { browser: nils, hops } = await staff('nils-nyanstalld');
      expect(hops.callback.status).toBe(302);
      const me = await call('GET', '/api/auth/session', { browser: nils });
      expect(me.body.roles).toEqual(['handlaggare']);
      expect((await call('GET', '/api/cases', { browser: nils })).status).toBe(200);

      const staffList = await call('GET', '/api/admin/staff', { auth: admin });
      const account = staffList.body.find((a: { username: string }) => a.username === 'nils.nyanstalld');
      expect(account).toMatchObject({ groupRoles: ['handlaggare'], roles: [], linked: true });
      const noReason = await call('PATCH', `/api/admin/staff/${account.id}`, {
        auth: admin,
        body: { active: false },
      });
      expect(noReason.status).toBe(400);
      const off = await call('PATCH', `/api/admin/staff/${account.id}`, {
        auth: admin,
        body: { active: false, reason: 'Slutat sin anställning' },
      });
      expect(off.status).toBe(200);
      expect((await call('GET', '/api/cases', { browser: nils })).status).toBe(401);
      const again = await staff('nils-nyanstalld');
      expect(again.hops.callback.status).toBe(401);
      const changes = await call('GET', `/api/admin/staff/${account.id}/changes`, { auth: admin });
      expect(changes.body.at(-1)).toMatchObject({
        action: 'spärrad',
        actor: admin.account.username,
        reason: 'Slutat sin anställning',
        before: expect.objectContaining({ active: true }),
        after: expect.objectContaining({ active: false }),
      });
    });

    it('a person without a mapped group gets no access until an admin assigns a role', async () => {
      const refused = await staff('greta-utan-grupp');
      expect(refused.hops.callback.status).toBe(403);
      const list = await call('GET', '/api/admin/staff', { auth: admin });
      const greta = list.body.find((a: { username: string }) => a.username === 'greta.utangrupp');
      await call('PATCH', `/api/admin/staff/${greta.id}`, {
        auth: admin,
        body: {
          roles: ['namndsekreterare'],
          title: 'Nämndsekreterare',
          reason: 'Ny i nämndadministrationen',
        },
      });
      const { browser, hops } = await staff('greta-utan-grupp');
      expect(hops.callback.status).toBe(302);
      expect((await call('GET', '/api/auth/session', { browser })).body.roles).toEqual(['namndsekreterare']);
    });

    it('an admin creates a break-glass account that signs in with its password, by token or session', async () => {
      const created = await call('POST', '/api/admin/staff', {
        auth: admin,
        body: {
          username: 'nodkonto-1',
          displayName: 'Nödkonto',
          roles: ['handlaggare'],
          delegationPoints: [],
          password: 'ett-langt-nodlosenord',
          reason: 'Reserv när inloggningstjänsten ligger nere',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ breakGlass: true, effectiveRoles: ['handlaggare'] });
      const short = await call('POST', '/api/admin/staff', {
        auth: admin,
        body: { username: 'nodkonto-2', displayName: 'N', roles: [], password: 'kort', reason: 'x' },
      });
      expect(short.status).toBe(400);
      expect(short.body.details[0].field).toBe('password');

      const login = await call('POST', '/api/auth/login', {
        body: { username: 'nodkonto-1', password: 'ett-langt-nodlosenord' },
      });
      expect(login.status).toBe(200);
      const browser = new Browser();
      const session = await call('POST', '/api/auth/session', {
        browser,
        body: { username: 'nodkonto-1', password: 'ett-langt-nodlosenord' },
      });
      expect(session.body.roles).toEqual(['handlaggare']);
      expect((await call('GET', '/api/cases', { browser })).status).toBe(200);

      // Deactivated: both its bearer token and its session are refused on the next request.
      const token = { token: login.body.accessToken } as TestUser;
      expect((await call('GET', '/api/auth/me', { auth: token })).status).toBe(200);
      await call('PATCH', `/api/admin/staff/${created.body.id}`, {
        auth: admin,
        body: { active: false, reason: 'Nödläget är över' },
      });
      expect((await call('GET', '/api/auth/me', { auth: token })).status).toBe(401);
      expect((await call('GET', '/api/cases', { browser })).status).toBe(401);
    });

    it('an admin assigns the delegation points a person holds and those it substitutes on, logged with why', async () => {
      const point = `9.${Date.now() % 100000}`;
      await ds.query(
        `INSERT INTO delegation_point (point, title, decision_maker_title, tracks, limit_kronor, valid_from)
         VALUES ($1, 'Provpunkt', 'Enhetschef', '{foretagsstod}', 100000, '2019-01-01')`,
        [point],
      );
      const created = await call('POST', '/api/admin/staff', {
        auth: admin,
        body: {
          username: `chef-${point}`,
          displayName: 'Ella Enhetschef',
          roles: ['beslutsfattare'],
          reason: 'Ny chef',
        },
      });
      const id = created.body.id;
      const unknown = await call('PATCH', `/api/admin/staff/${id}`, {
        auth: admin,
        body: { substituteFor: ['99.99'], reason: 'Fel' },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].field).toBe('substituteFor');
      const changed = await call('PATCH', `/api/admin/staff/${id}`, {
        auth: admin,
        body: { delegationPoints: [point], substituteFor: [point], reason: 'Delegation enligt beslut' },
      });
      expect(changed.body).toMatchObject({ delegationPoints: [point], substituteFor: [point] });
      const [row] = await ds.query('SELECT substitute_account_ids FROM delegation_point WHERE point = $1', [
        point,
      ]);
      expect(row.substitute_account_ids).toEqual([id]);
      const cleared = await call('PATCH', `/api/admin/staff/${id}`, {
        auth: admin,
        body: { substituteFor: [], reason: 'Inte längre ersättare' },
      });
      expect(cleared.body.substituteFor).toEqual([]);
      const changes = await call('GET', `/api/admin/staff/${id}/changes`, { auth: admin });
      expect(changes.body.map((c: { reason: string }) => c.reason)).toEqual([
        'Ny chef',
        'Delegation enligt beslut',
        'Inte längre ersättare',
      ]);
      expect(changes.body[1].after).toMatchObject({ delegationPoints: [point], substituteFor: [point] });
    });

    it('only admins administer staff, and an admin alone does not read cases', async () => {
      expect((await call('GET', '/api/admin/staff', { auth: officer })).status).toBe(403);
      const applicantUser = await createUser(app, [Role.sokande]);
      expect((await call('POST', '/api/admin/staff', { auth: applicantUser, body: {} })).status).toBe(403);
      const cases = await call('GET', '/api/cases', { auth: admin });
      expect(cases.body.items).toEqual([]);
      const [someCase] = await ds.query('SELECT id FROM grant_case LIMIT 1');
      expect((await call('GET', `/api/cases/${someCase.id}`, { auth: admin })).status).toBe(404);
    });
  });
});
