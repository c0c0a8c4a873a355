import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { Clock } from '@anslag/common';
import {
  CaseFlow,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  randomOrganisationsnummer,
  type TestUser,
} from '@anslag/testing';

/**
 * Caps that hold under delegation, substitutes (ersättare) under jäv, the nämnd's own decision, the tätort
 * derived from the address, and Stockholm's date. Substitutes are tried on this suite's own point (8.8) so
 * that no other suite's signers are affected.
 */
describe('decisions under delegation', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let decider: TestUser;
  let secretary: TestUser;
  let admin: TestUser;
  let flow: CaseFlow;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    decider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    secretary = await createUser(app, [Role.namndsekreterare]);
    admin = await createUser(app, [Role.admin]);
    flow = new CaseFlow(app, { officer, decider });
  });
  afterAll(() => app.close());

  /** A small firm outside the tätort applying for mikrobidrag; submitted, taken up and assessed. */
  async function assessedMikrobidrag(applied: number, costs: number): Promise<string> {
    const { org, applicant } = await flow.firm({ postalCode: '711 30' });
    return flow.assessed(applicant, mikrobidragApplication(org.id, applied, costs));
  }

  const draft = (caseId: string, body: object): Promise<{ id: string; evaluatedMax: number }> =>
    flow.draft(caseId, body);

  describe('caps of the inriktningsbeslut', () => {
    it('refuses a delegated signer above the 30 000 kr per-decision cap, even with a reason', async () => {
      const caseId = await assessedMikrobidrag(30_000, 80_000);
      const d = await draft(caseId, { outcome: 'bifall', amount: 35_000 });
      const res = await http
        .post(`/api/decisions/${d.id}/sign`)
        .set(decider.auth)
        .send({ overrideReason: 'Nämnden har aviserat höjt tak' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'DELEGATION_CAP_EXCEEDED', details: [{ field: 'amount' }] });
      expect(res.body.details[0].problem).toMatch(/högst 30\s000\skr/);
      const row = await ds.query('SELECT status, snapshot FROM decision WHERE id = $1', [d.id]);
      expect(row).toEqual([{ status: 'utkast', snapshot: null }]);
    });

    it('refuses a delegated signer above the 50 % share, even with a reason', async () => {
      const caseId = await assessedMikrobidrag(20_000, 40_000);
      const d = await draft(caseId, { outcome: 'bifall', amount: 25_000 });
      const res = await http
        .post(`/api/decisions/${d.id}/sign`)
        .set(decider.auth)
        .send({ overrideReason: 'Särskilda skäl' })
        .expect(409);
      expect(res.body.code).toBe('DELEGATION_CAP_EXCEEDED');
    });

    it('lets a delegated signer go above the evaluation with a reason, up to the cap, and keeps a snapshot', async () => {
      const caseId = await assessedMikrobidrag(20_000, 80_000);
      const d = await draft(caseId, { outcome: 'bifall', amount: 28_000 });
      expect(d.evaluatedMax).toBe(20_000);
      const noReason = await http.post(`/api/decisions/${d.id}/sign`).set(decider.auth).send({}).expect(409);
      expect(noReason.body.code).toBe('ABOVE_EVALUATED_MAX');
      const signed = await flow.sign(d.id, decider, {
        overrideReason: 'Maskinen har blivit dyrare sedan ansökan',
      });
      expect(signed).toMatchObject({
        status: 'signerat',
        amount: 28_000,
        capsExceeded: [],
        substituteFor: null,
        overrideReason: 'Maskinen har blivit dyrare sedan ansökan',
      });
      const [row] = await ds.query('SELECT snapshot FROM decision WHERE id = $1', [d.id]);
      expect(row.snapshot).toMatchObject({ kommun: 'Lindesberg', stod: 'Mikrobidrag', runBy: 'kvinnor' });
    });

    it('lets the nämnd, deciding itself, go beyond the cap and records that it does', async () => {
      const caseId = await assessedMikrobidrag(30_000, 80_000);
      const d = await draft(caseId, { outcome: 'bifall', amount: 35_000, decidedByNamnd: true });
      const future = await http
        .post(`/api/decisions/${d.id}/namnd`)
        .set(secretary.auth)
        .send({ meetingDate: '2999-01-22', paragraph: '§ 4' })
        .expect(400);
      expect(future.body.details).toEqual([expect.objectContaining({ field: 'meetingDate' })]);
      const rec = await http
        .post(`/api/decisions/${d.id}/namnd`)
        .set(secretary.auth)
        .send({ meetingDate: '2026-01-22', paragraph: '§ 4' })
        .expect(201);
      expect(rec.body).toMatchObject({ status: 'signerat', amount: 35_000, decidedByNamnd: true });
      expect(rec.body.capsExceeded).toEqual([
        expect.objectContaining({
          term: 'per_beslut',
          cap: 30_000,
          reason: expect.stringMatching(/per beslut/),
        }),
      ]);
      const history = (await http.get(`/api/cases/${caseId}/history`).set(officer.auth).expect(200)).body;
      expect(history.at(-1).reason).toMatch(
        /^Nämnden beslutar över inriktningsbeslutets tak: Högst 30\s000\skr per beslut/,
      );
    });
  });

  describe('substitutes and jäv', () => {
    let holder: TestUser;
    let substitute: TestUser;

    beforeAll(async () => {
      holder = await createUser(app, [Role.beslutsfattare], [], ['8.8']);
      substitute = await createUser(app, [Role.beslutsfattare]);
      await ds.query(
        `UPDATE account SET display_name = 'Hanna Innehavare', title = 'Områdeschef' WHERE id = $1`,
        [holder.account.id],
      );
      await ds.query(
        `UPDATE account SET display_name = 'Erik Ersättare', title = 'Förvaltningschef' WHERE id = $1`,
        [substitute.account.id],
      );
      const point = await http
        .post('/api/delegation-points')
        .set(admin.auth)
        .send({
          point: '8.8',
          title: 'Beslut om företagsstöd (prov)',
          decisionMakerTitle: 'Områdeschef',
          tracks: ['foretagsstod'],
          limitKronor: 1_000_000,
          validFrom: '2019-01-01',
        })
        .expect(201);
      await http
        .patch(`/api/delegation-points/${point.body.id}`)
        .set(decider.auth)
        .send({ substitutes: [substitute.account.id] })
        .expect(403);
      const bad = await http
        .patch(`/api/delegation-points/${point.body.id}`)
        .set(admin.auth)
        .send({ substitutes: [officer.account.id] })
        .expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'substitutes[0]' })]);
      await http
        .patch(`/api/delegation-points/${point.body.id}`)
        .set(admin.auth)
        .send({ substitutes: [substitute.account.id] })
        .expect(200);
    });

    it('lists holders and substitutes by name, and each caller its own points', async () => {
      const points = (await http.get('/api/delegation-points').set(officer.auth).expect(200)).body;
      expect(points.find((p: { point: string }) => p.point === '8.8')).toMatchObject({
        holders: [{ id: holder.account.id, name: 'Hanna Innehavare', title: 'Områdeschef' }],
        substitutes: [{ id: substitute.account.id, name: 'Erik Ersättare', title: 'Förvaltningschef' }],
      });
      await http
        .get('/api/delegation-points')
        .set((await createUser(app, [Role.sokande])).auth)
        .expect(403);
      const me = (await http.get('/api/auth/me').set(substitute.auth).expect(200)).body;
      expect(me.delegationPoints).toEqual([
        expect.objectContaining({ point: '8.8', as: 'ersattare', title: 'Beslut om företagsstöd (prov)' }),
      ]);
      const mine = (await http.get('/api/auth/me').set(holder.auth).expect(200)).body;
      expect(mine.delegationPoints).toEqual([expect.objectContaining({ point: '8.8', as: 'innehavare' })]);
      const none = (await http.get('/api/auth/me').set(officer.auth).expect(200)).body;
      expect(none.delegationPoints).toEqual([]);
    });

    it('lets the substitute sign when the holder has declared jäv, and records it', async () => {
      const caseId = await assessedMikrobidrag(20_000, 80_000);
      const d = await draft(caseId, { outcome: 'bifall' });
      const early = await http.post(`/api/decisions/${d.id}/sign`).set(substitute.auth).send({}).expect(403);
      expect(early.body).toMatchObject({
        code: 'DELEGATION_NOT_COVERED',
        details: [{ field: 'substituteReason' }],
      });
      await http
        .post(`/api/cases/${caseId}/jav`)
        .set(holder.auth)
        .send({ reason: 'Min bror äger bolaget' })
        .expect(201);
      const refused = await http.post(`/api/decisions/${d.id}/sign`).set(holder.auth).send({}).expect(403);
      expect(refused.body.code).toBe('JAV');
      const signed = await flow.sign(d.id, substitute);
      expect(signed).toMatchObject({
        status: 'signerat',
        delegationPoint: '8.8',
        signedByName: 'Erik Ersättare',
        substituteFor: { point: '8.8', holders: ['Hanna Innehavare'], ground: 'jav' },
      });
      const history = (await http.get(`/api/cases/${caseId}/history`).set(officer.auth).expect(200)).body;
      expect(history.at(-1)).toMatchObject({
        action: 'beslut_fattat',
        reason: 'Ersättare för punkt 8.8: Hanna Innehavare har anmält jäv i ärendet',
      });
    });

    it('lets the substitute sign for an absent holder with the reason stated', async () => {
      const caseId = await assessedMikrobidrag(20_000, 80_000);
      const d = await draft(caseId, { outcome: 'bifall' });
      const signed = await flow.sign(d.id, substitute, {
        substituteReason: 'Innehavaren har semester vecka 32',
      });
      expect(signed.substituteFor).toMatchObject({
        ground: 'franvaro',
        reason: 'Innehavaren har semester vecka 32',
      });
    });
  });

  describe('the tätort', () => {
    it('is derived from the postal code, shown to the officer, and corrected by the officer with a reason', async () => {
      const applicant = await createUser(app, [Role.sokande]);
      const base = {
        name: 'Tätortsbolaget AB',
        streetAddress: 'Drottninggatan 1',
        city: 'Örebro',
        kommunCode: '1880',
        legalForm: 'Aktiebolag',
        employees: 2,
        fteHundredths: 100,
        runBy: 'man',
      };
      const asked = await http
        .post('/api/organisations')
        .set(applicant.auth)
        .send({
          ...base,
          organisationsnummer: randomOrganisationsnummer(),
          postalCode: '702 10',
          inTatort: false,
        })
        .expect(400);
      expect(asked.body.details).toEqual([expect.objectContaining({ field: 'inTatort' })]);
      const town = (
        await http
          .post('/api/organisations')
          .set(applicant.auth)
          .send({ ...base, organisationsnummer: randomOrganisationsnummer(), postalCode: '702 10' })
          .expect(201)
      ).body;
      expect(town).toMatchObject({ inTatort: true, inTatortBasis: 'postnummer', tatort: 'Örebro tätort' });
      const lindesberg = (
        await http
          .post('/api/organisations')
          .set(applicant.auth)
          .send({
            ...base,
            organisationsnummer: randomOrganisationsnummer(),
            postalCode: '711 30',
            city: 'Lindesberg',
            kommunCode: '1885',
          })
          .expect(201)
      ).body;
      expect(lindesberg).toMatchObject({ inTatort: false, tatort: null });

      // A move to Vintrosa (Örebro kommun, outside the tätort) places the business anew.
      const moved = await http
        .patch(`/api/organisations/${town.id}`)
        .set(applicant.auth)
        .send({ postalCode: '719 32', city: 'Vintrosa' })
        .expect(200);
      expect(moved.body).toMatchObject({ inTatort: false, tatort: null, inTatortBasis: 'postnummer' });

      await http
        .post(`/api/organisations/${town.id}/tatort`)
        .set(applicant.auth)
        .send({ inTatort: true, reason: 'Jag vet bäst' })
        .expect(403);
      const corrected = await http
        .post(`/api/organisations/${town.id}/tatort`)
        .set(officer.auth)
        .send({ inTatort: true, reason: 'Verksamheten bedrivs i butiken på Drottninggatan' })
        .expect(200);
      expect(corrected.body).toMatchObject({ inTatort: true, inTatortBasis: 'handlaggare' });
      const history = (await http.get(`/api/organisations/${town.id}/history`).set(officer.auth).expect(200))
        .body;
      expect(history.at(-1)).toMatchObject({
        action: 'tätort_rättad',
        actor: officer.account.username,
        before: { inTatort: false, inTatortBasis: 'postnummer' },
        after: { inTatort: true, inTatortBasis: 'handlaggare' },
        reason: 'Verksamheten bedrivs i butiken på Drottninggatan',
      });
    });

    it('names the kommun by name in the evaluation reasons', async () => {
      const caseId = await assessedMikrobidrag(20_000, 80_000);
      const ev = (await http.get(`/api/cases/${caseId}/evaluation`).set(officer.auth).expect(200)).body
        .evaluation;
      const geography = ev.checks.find((c: { rule: string }) => c.rule === 'geography');
      expect(geography.reason).toBe('Företaget ligger utanför Örebro tätort (Lindesberg kommun).');
    });
  });

  it("takes today from Stockholm's calendar, not UTC's", async () => {
    const clock = app.get(Clock);
    // 23:30 UTC on New Year's Eve is already half past midnight on 1 January in Stockholm.
    clock.set(new Date('2026-12-31T23:30:00Z'));
    try {
      const frames = (await http.get('/api/policy/frames').set(officer.auth).expect(200)).body;
      expect(frames.year).toBe(2027);
    } finally {
      clock.set(null);
    }
  });
});
