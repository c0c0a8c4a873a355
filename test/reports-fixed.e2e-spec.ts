import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  CaseFlow,
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  randomOrganisationsnummer,
  verifyMandates,
  type TestUser,
  asOwner,
} from '@anslag/testing';
import { insertDelegationPoint, insertSignedDecision } from '../libs/reports/src/testing';

/**
 * Reports fixed at decision time, frames by year and the legal person behind an organisation. Rows are
 * inserted in years no other suite uses (2036, 2037) under this suite's own delegation point (7.7).
 */
const REPORT = '/api/reports/delegation-decisions';
const VARIANTS = [
  { variant: 'pdf', query: 'format=pdf' },
  { variant: 'xlsx', query: 'format=xlsx' },
  { variant: 'csv', query: 'format=csv' },
  { variant: 'csv-sv', query: 'format=csv&numberFormat=sv' },
  { variant: 'json', query: 'format=json' },
];

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('decisions that hold up: reports, frames, the legal person', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let secretary: TestUser;
  let officer: TestUser;
  let flow: CaseFlow;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    await insertDelegationPoint(ds, {
      point: '7.7',
      title: 'Beslut om företagsstöd (prov)',
      decisionMakerTitle: 'Områdeschef',
      validFrom: '2036-01-01',
    });
    secretary = await createUser(app, [Role.namndsekreterare]);
    officer = await createUser(app, [Role.handlaggare]);
    flow = new CaseFlow(app, { officer });
  });
  afterAll(() => app.close());

  const fetchBytes = async (url: string, who: TestUser = secretary) => {
    const res = await http.get(url).set(who.auth).buffer(true).parse(binary).expect(200);
    return { body: res.body as Buffer, headers: res.headers };
  };

  it('keeps a presented report and the follow-up unchanged when the organisation is edited afterwards', async () => {
    const org = await createOrganisation(ds, {
      name: 'Bageriet i Frövi AB',
      bransch: 'Bageri',
      runBy: 'kvinnor',
      kommunCode: '1885',
      inTatort: false,
    });
    const applicant = await createUser(app, [Role.sokande], [org.id]);
    for (const [date, amount] of [
      ['2037-03-02', 30_000],
      ['2037-03-20', 25_000],
    ] as const)
      await insertSignedDecision(ds, {
        organisationId: org.id,
        decisionDate: date,
        delegationPoint: '7.7',
        aidForm: 'mikrobidrag',
        amount,
        frame: 'foretagsstod',
      });
    const presented = (
      await http
        .post(`${REPORT}/presentations`)
        .set(secretary.auth)
        .send({
          from: '2037-03-01',
          to: '2037-03-31',
          point: '7.7',
          meetingDate: '2037-04-22',
          paragraph: '§ 5',
        })
        .expect(201)
    ).body;
    expect(presented.decisionCount).toBe(2);
    expect(Object.keys(presented.hashes).sort()).toEqual(['csv', 'csv-sv', 'json', 'pdf', 'xlsx']);
    const period = 'from=2037-03-01&to=2037-03-31&point=7.7';
    const liveBefore = (await http.get(`${REPORT}?${period}&format=json`).set(secretary.auth).expect(200))
      .body;
    expect(
      liveBefore.groups[0].rows.map((r: { foretag: string; kon: string }) => [r.foretag, r.kon]),
    ).toEqual([
      ['Bageriet i Frövi AB', 'K'],
      ['Bageriet i Frövi AB', 'K'],
    ]);
    const csvBefore = (await fetchBytes(`${REPORT}?${period}&format=csv`)).body;
    const followUpBefore = (await http.get('/api/reports/follow-up?year=2037').set(officer.auth).expect(200))
      .body;
    expect(followUpBefore.indicators[0].current).toEqual({
      year: 2037,
      grantedCount: 2,
      granted: 55_000,
      companyGrantedCount: 2,
    });

    const before: Record<string, Buffer> = {};
    for (const v of VARIANTS) {
      const file = await fetchBytes(`${REPORT}/presentations/${presented.id}?${v.query}`);
      expect([v.variant, sha256(file.body)]).toEqual([v.variant, presented.hashes[v.variant]]);
      expect(file.headers['x-content-sha256']).toBe(presented.hashes[v.variant]);
      before[v.variant] = file.body;
    }
    expect(before.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const stored = JSON.parse(before.json.toString());
    expect(stored.groups[0].rows).toHaveLength(2);
    expect(stored.groups[0].rows[0]).toMatchObject({
      foretag: 'Bageriet i Frövi AB',
      branschPrioritering: 'Bageri',
      kon: 'K',
      kommun: 'Lindesberg',
      stod: 'Mikrobidrag',
      reportedIn: presented.id,
    });
    await http.get(`${REPORT}/presentations/${presented.id}?format=pdf`).set(applicant.auth).expect(403);

    await http
      .patch(`/api/organisations/${org.id}`)
      .set(applicant.auth)
      .send({ name: 'Ändrat namn AB', bransch: 'Ändrad bransch', runBy: 'man', kommunCode: '1880' })
      .expect(200);

    for (const v of VARIANTS) {
      const again = await fetchBytes(`${REPORT}/presentations/${presented.id}?${v.query}`);
      expect([v.variant, again.body.equals(before[v.variant])]).toEqual([v.variant, true]);
    }
    const liveAfter = (await http.get(`${REPORT}?${period}&format=json`).set(secretary.auth).expect(200))
      .body;
    expect(liveAfter.groups).toEqual(liveBefore.groups.map((g: object) => ({ ...g })));
    expect(liveAfter.groups[0].rows[0].reportedIn).toBe(presented.id);
    const csvAfter = (await fetchBytes(`${REPORT}?${period}&format=csv`)).body;
    expect(csvAfter.toString()).toBe(csvBefore.toString());
    const followUpAfter = (await http.get('/api/reports/follow-up?year=2037').set(officer.auth).expect(200))
      .body;
    expect(followUpAfter).toEqual(followUpBefore);

    const history = (await http.get(`/api/organisations/${org.id}/history`).set(applicant.auth).expect(200))
      .body;
    expect(history.at(-1)).toMatchObject({
      actor: applicant.account.username,
      action: 'organisation_ändrad',
      before: { name: 'Bageriet i Frövi AB', bransch: 'Bageri', runBy: 'kvinnor', kommunCode: '1885' },
      after: { name: 'Ändrat namn AB', bransch: 'Ändrad bransch', runBy: 'man', kommunCode: '1880' },
    });
    const stranger = await createUser(app, [Role.sokande]);
    await http.get(`/api/organisations/${org.id}/history`).set(stranger.auth).expect(404);
    // The api's role may not delete it at all; even the owner is stopped by the trigger.
    await expect(
      ds.query('DELETE FROM organisation_history WHERE organisation_id = $1', [org.id]),
    ).rejects.toThrow(/permission denied/);
    await asOwner(async (owner) => {
      await expect(
        owner.query('DELETE FROM organisation_history WHERE organisation_id = $1', [org.id]),
      ).rejects.toThrow(/append-only/);
    });
  });

  it('counts a frame only with the decisions of its year, the same in /api/policy/frames and the follow-up', async () => {
    const org = await createOrganisation(ds, { kommunCode: '1885', inTatort: false });
    await insertSignedDecision(ds, {
      organisationId: org.id,
      decisionDate: '2036-05-04',
      aidForm: 'konsultcheck',
      amount: 70_000,
      frame: 'foretagsstod',
      delegationPoint: '7.7',
    });
    const first = await insertSignedDecision(ds, {
      organisationId: org.id,
      decisionDate: '2036-11-30',
      aidForm: 'konsultcheck',
      amount: 40_000,
      frame: 'foretagsstod',
      delegationPoint: '7.7',
    });
    // A change decision of the next year corrects the amount; the chain still belongs to 2036.
    await insertSignedDecision(ds, {
      organisationId: org.id,
      decisionDate: '2037-01-10',
      aidForm: 'konsultcheck',
      amount: 30_000,
      frame: 'foretagsstod',
      delegationPoint: '7.7',
      amends: first,
    });
    await insertSignedDecision(ds, {
      organisationId: org.id,
      decisionDate: '2036-06-01',
      aidForm: 'konsultcheck',
      outcome: 'avslag',
      frame: 'foretagsstod',
      delegationPoint: '7.7',
    });
    const frames = (await http.get('/api/policy/frames?date=2036-08-01').set(officer.auth).expect(200)).body;
    expect(frames.year).toBe(2036);
    const line = (code: string) => frames.lines.find((l: { code: string }) => l.code === code);
    expect(line('foretagsstod')).toMatchObject({ granted: 100_000, left: 13_333_000 - 100_000 });
    expect(line('projekt')).toMatchObject({ granted: 0 });
    const followUp = (await http.get('/api/reports/follow-up?year=2036').set(officer.auth).expect(200)).body;
    const used = Object.fromEntries(
      followUp.frames.lines.map((l: { code: string; used: number }) => [l.code, l.used]),
    );
    const granted = Object.fromEntries(
      frames.lines
        .filter((l: { scope: string }) => l.scope === 'frame')
        .map((l: { code: string; granted: number }) => [l.code, l.granted]),
    );
    expect(used).toEqual(granted);
    // Another year's frame holds none of them.
    const other = (await http.get('/api/policy/frames?date=2035-08-01').set(officer.auth).expect(200)).body;
    expect(other.lines.find((l: { code: string }) => l.code === 'foretagsstod').granted).toBe(0);
  });

  describe('the organisationsnummer is the legal person', () => {
    async function submittedMikrobidrag(orgId: string, applicant: TestUser, amount = 30_000) {
      const id = await flow.created(applicant, mikrobidragApplication(orgId, amount));
      await flow.transition(id, applicant, 'skicka_in');
      return id;
    }

    it('locks the number once a case is submitted, records changes in the open cases, and lets an officer correct it with a reason', async () => {
      const applicant = await createUser(app, [Role.sokande]);
      const orgnr = randomOrganisationsnummer();
      const org = (
        await http
          .post('/api/organisations')
          .set(applicant.auth)
          .send({
            organisationsnummer: orgnr,
            name: 'Kopparbergs Smide AB',
            streetAddress: 'Bruksgatan 2',
            postalCode: '714 31',
            city: 'Kopparberg',
            kommunCode: '1885',
            legalForm: 'Aktiebolag',
            employees: 3,
            fteHundredths: 200,
            runBy: 'bada',
          })
          .expect(201)
      ).body;
      await verifyMandates(ds, applicant.account.id);
      const caseId = await submittedMikrobidrag(org.id, applicant);
      const other = randomOrganisationsnummer();
      const locked = await http
        .patch(`/api/organisations/${org.id}`)
        .set(applicant.auth)
        .send({ organisationsnummer: other, name: 'Nytt Smide AB' })
        .expect(409);
      expect(locked.body).toMatchObject({
        code: 'ORGANISATIONSNUMMER_LOCKED',
        details: [{ field: 'organisationsnummer' }],
      });
      const unchanged = await ds.query('SELECT organisationsnummer, name FROM organisation WHERE id = $1', [
        org.id,
      ]);
      expect(unchanged).toEqual([{ organisationsnummer: orgnr, name: 'Kopparbergs Smide AB' }]);

      await http
        .patch(`/api/organisations/${org.id}`)
        .set(applicant.auth)
        .send({ name: 'Kopparbergs Smide & Svets AB', bornOutsideNordics: true })
        .expect(200);
      const caseHistory = (await http.get(`/api/cases/${caseId}/history`).set(officer.auth).expect(200)).body;
      expect(caseHistory.at(-1)).toMatchObject({
        action: 'organisation_ändrad',
        before: { name: 'Kopparbergs Smide AB', bornOutsideNordics: '(uppgift ändrad)' },
        after: { name: 'Kopparbergs Smide & Svets AB', bornOutsideNordics: '(uppgift ändrad)' },
      });

      const noReason = await http
        .patch(`/api/organisations/${org.id}`)
        .set(officer.auth)
        .send({ organisationsnummer: other })
        .expect(400);
      expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      const corrected = await http
        .patch(`/api/organisations/${org.id}`)
        .set(officer.auth)
        .send({ organisationsnummer: other, reason: 'Fel siffra vid registreringen enligt Bolagsverket' })
        .expect(200);
      expect(corrected.body.organisationsnummer).toBe(other);
      const orgHistory = (
        await http.get(`/api/organisations/${org.id}/history`).set(officer.auth).expect(200)
      ).body;
      expect(orgHistory.map((h: { action: string }) => h.action)).toEqual([
        'organisation_registrerad',
        'behorighet_overifierad',
        'organisation_ändrad',
        'organisation_ändrad',
      ]);
      expect(orgHistory.at(-1)).toMatchObject({
        actor: officer.account.username,
        before: { organisationsnummer: orgnr },
        after: { organisationsnummer: other },
        reason: 'Fel siffra vid registreringen enligt Bolagsverket',
      });
    });

    it('counts the caps by the number: a renumbered firm cannot get a third mikrobidrag under its old number', async () => {
      const org = await createOrganisation(ds, { kommunCode: '1885', inTatort: false, postalCode: '711 30' });
      const oldNumber = org.organisationsnummer;
      for (const date of ['2026-02-02', '2026-03-02'])
        await insertSignedDecision(ds, {
          organisationId: org.id,
          decisionDate: date,
          aidForm: 'mikrobidrag',
          amount: 30_000,
          frame: 'foretagsstod',
        });
      // The trick: move the old row to a new number, then register the old number again.
      await http
        .patch(`/api/organisations/${org.id}`)
        .set(officer.auth)
        .send({ organisationsnummer: randomOrganisationsnummer(), reason: 'Omregistrering enligt sökanden' })
        .expect(200);
      const applicant = await createUser(app, [Role.sokande]);
      const fresh = (
        await http
          .post('/api/organisations')
          .set(applicant.auth)
          .send({
            organisationsnummer: oldNumber,
            name: 'Samma Firma Igen AB',
            streetAddress: 'Kungsgatan 3',
            postalCode: '711 30',
            city: 'Lindesberg',
            kommunCode: '1885',
            legalForm: 'Aktiebolag',
            employees: 3,
            fteHundredths: 250,
            runBy: 'kvinnor',
          })
          .expect(201)
      ).body;
      await verifyMandates(ds, applicant.account.id);
      const caseId = await submittedMikrobidrag(fresh.id, applicant);
      await flow.transition(caseId, officer, 'paborja_handlaggning');
      const ev = (await flow.assess(caseId)).evaluation;
      expect(ev.maxGrant.terms).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            term: 'per_foretag',
            amount: 0,
            reason: expect.stringMatching(/60\s000\skr/),
          }),
        ]),
      );
      expect(ev.maxGrant.amount).toBe(0);
      const draft = await flow.draft(caseId, { outcome: 'bifall', amount: 30_000 });
      const decider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
      const refused = await http
        .post(`/api/decisions/${draft.id}/sign`)
        .set(decider.auth)
        .send({ overrideReason: 'Ny organisation, nytt tak' })
        .expect(409);
      expect(refused.body.code).toBe('COMPANY_CAP_EXCEEDED');
      const signed = await ds.query(
        `SELECT count(*)::int AS n FROM decision WHERE case_id = $1 AND status = 'signerat'`,
        [caseId],
      );
      expect(signed).toEqual([{ n: 0 }]);
    });
  });
});
