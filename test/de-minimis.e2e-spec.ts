import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { CaseFlow, createTestApp, createUser, ensureReferenceData, TestUser } from '@anslag/testing';

/** De minimis across HTTP and the database: the single undertaking, change decisions, the rate on the decision. */
describe('de minimis done properly', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let decider: TestUser;
  let admin: TestUser;
  let flow: CaseFlow;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    decider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    admin = await createUser(app, [Role.admin]);
    flow = new CaseFlow(app, { officer, decider });
  }, 60_000);
  afterAll(() => app.close());

  const firm = () => flow.firm();

  /** A mikrobidrag case with the given declaration, submitted, taken up and assessed. */
  async function assessed(orgId: string, applicant: TestUser, declaredEur: number) {
    const id = await flow.takenUp(applicant, {
      track: 'foretagsstod',
      organisationId: orgId,
      title: 'Rostmaskin',
      aidForm: 'mikrobidrag',
      amountApplied: 30_000,
      costLines: [{ description: 'Rostmaskin', costType: 'equipment', amount: 60_000 }],
      plannedStart: '2030-01-01',
      collectiveAgreement: true,
      stateAidFacts: { inDifficulty: false },
      deMinimis: declaredEur
        ? [
            {
              grantor: 'Tillväxtverket',
              grantedOn: '2025-03-01',
              amount: declaredEur,
              currency: 'EUR',
              regulation: '(EU) 2023/2831',
            },
          ]
        : [],
    });
    return { id, evaluation: (await flow.assess(id)).evaluation };
  }

  const grant = async (id: string) => flow.sign((await flow.draft(id)).id);

  it('measures a change decision without its own chain (297 000 € declared, 30 000 kr signed, changed to 20 000 kr)', async () => {
    const { org, applicant } = await firm();
    const { id } = await assessed(org.id, applicant, 297_000);
    const signed = await grant(id);
    expect(signed).toMatchObject({
      amount: 30_000,
      deMinimisRegime: '(EU) 2023/2831',
      deMinimisOrePerEur: expect.any(Number),
      deMinimisRegisterStatus: 'ska_registreras',
    });
    // The rate used is the month's own, stored with the decision.
    expect(signed.deMinimisRateMonth).toBe(`${signed.decisionDate.slice(0, 7)}-01`);
    const [rate] = await ds.query('SELECT ore_per_eur FROM exchange_rate WHERE month = $1', [
      signed.decisionDate.slice(0, 7),
    ]);
    expect(signed.deMinimisOrePerEur).toBe(rate.ore_per_eur);
    const stored = await ds.query(
      'SELECT de_minimis_regime, de_minimis_ore_per_eur, de_minimis_register_status FROM decision WHERE id = $1',
      [signed.id],
    );
    expect(stored).toEqual([
      {
        de_minimis_regime: '(EU) 2023/2831',
        de_minimis_ore_per_eur: rate.ore_per_eur,
        de_minimis_register_status: 'ska_registreras',
      },
    ]);

    // Registered in the central de minimis register once, by an officer; the decision is otherwise immutable.
    const reg = `/api/decisions/${signed.id}/de-minimis-register`;
    await http.post(reg).set(applicant.auth).send({ reference: 'DM-1' }).expect(403);
    await http.post(reg).set(officer.auth).send({}).expect(400);
    const registered = await http.post(reg).set(officer.auth).send({ reference: 'DM-2026-0001' }).expect(201);
    expect(registered.body).toMatchObject({
      deMinimisRegisterStatus: 'registrerad',
      deMinimisRegisterReference: 'DM-2026-0001',
    });
    expect((await http.post(reg).set(officer.auth).send({ reference: 'DM-2' }).expect(409)).body.code).toBe(
      'CONFLICT',
    );
    await expect(
      ds.query(`UPDATE decision SET de_minimis_register_status = 'ska_registreras' WHERE id = $1`, [
        signed.id,
      ]),
    ).rejects.toThrow(/immutable/);
    await expect(ds.query(`UPDATE decision SET amount = 1 WHERE id = $1`, [signed.id])).rejects.toThrow(
      /immutable/,
    );

    const change = (
      await http
        .post(`/api/decisions/${signed.id}/amendments`)
        .set(officer.auth)
        .send({ amount: 20_000 })
        .expect(201)
    ).body;
    const lowered = await http.post(`/api/decisions/${change.id}/sign`).set(decider.auth).send({});
    expect(lowered.status).toBe(201);
    expect(lowered.body.amount).toBe(20_000);
    const ledger = await ds.query('SELECT amount_sek FROM de_minimis_ledger WHERE organisation_id = $1', [
      org.id,
    ]);
    expect(ledger).toEqual([{ amount_sek: '20000' }]);
  }, 30_000);

  it("sums the room over the single undertaking, the region's own grants to a linked company included", async () => {
    const parent = await firm();
    const parentCase = await assessed(parent.org.id, parent.applicant, 0);
    await grant(parentCase.id); // 30 000 kr of de minimis aid to the parent company
    const child = await firm();
    const alone = await assessed(child.org.id, child.applicant, 297_000);
    expect(alone.evaluation.checks.find((c: { rule: string }) => c.rule === 'de_minimis').passed).toBe(true);

    // The applicant declares its parent company through the API (the link names the legal person).
    const links = {
      links: [
        {
          organisationsnummer: parent.org.organisationsnummer,
          name: parent.org.name,
          relation: 'majority_votes',
        },
      ],
    };
    await http
      .put(`/api/organisations/${child.org.id}/single-undertaking`)
      .set(parent.applicant.auth)
      .send(links)
      .expect(404);
    await http
      .put(`/api/organisations/${child.org.id}/single-undertaking`)
      .set(admin.auth)
      .send(links)
      .expect(403);
    const bad = await http
      .put(`/api/organisations/${child.org.id}/single-undertaking`)
      .set(child.applicant.auth)
      .send({ links: [{ ...links.links[0], organisationsnummer: '556000-0000' }] })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'links[0].organisationsnummer' })]);
    expect(
      await ds.query('SELECT 1 FROM organisation_link WHERE organisation_id = $1', [child.org.id]),
    ).toEqual([]);
    const set = await http
      .put(`/api/organisations/${child.org.id}/single-undertaking`)
      .set(child.applicant.auth)
      .send(links)
      .expect(200);
    expect(set.body).toEqual([
      expect.objectContaining({ name: parent.org.name, registeredHere: true, direction: 'egen' }),
    ]);
    // The parent sees the link from its side.
    const theirs = await http
      .get(`/api/organisations/${parent.org.id}/single-undertaking`)
      .set(officer.auth)
      .expect(200);
    expect(theirs.body).toEqual([expect.objectContaining({ name: child.org.name, direction: 'omvand' })]);
    const hist = await ds.query(
      `SELECT action FROM case_history WHERE case_id = $1 AND action = 'enda_foretag_andrat'`,
      [alone.id],
    );
    expect(hist).toHaveLength(1);
    const linked = await flow.assess(alone.id);
    const dm = linked.evaluation.checks.find((c: { rule: string }) => c.rule === 'de_minimis');
    expect(dm.passed).toBe(false);
    expect(dm.reason).toContain(`det enda företaget (sökanden tillsammans med ${parent.org.name}`);
    expect(linked.evaluation.deMinimis.usedEur).toBeGreaterThan(297_000);
    // Signing is refused too: the ceiling binds under delegation, reason or not.
    const draft = await flow.draft(alone.id, { outcome: 'bifall', amount: 30_000 });
    const refused = await http
      .post(`/api/decisions/${draft.id}/sign`)
      .set(decider.auth)
      .send({ overrideReason: 'Nämnden har aviserat höjt tak' })
      .expect(409);
    expect(refused.body.code).toBe('COMPANY_CAP_EXCEEDED');
    // Without the link the room is the applicant's own again.
    await http
      .put(`/api/organisations/${child.org.id}/single-undertaking`)
      .set(officer.auth)
      .send({ links: [] })
      .expect(200);
    const unlinked = await flow.assess(alone.id);
    expect(unlinked.evaluation.checks.find((c: { rule: string }) => c.rule === 'de_minimis').passed).toBe(
      true,
    );
    const decisions = await ds.query(`SELECT 1 FROM decision WHERE case_id = $1 AND status = 'signerat'`, [
      alone.id,
    ]);
    expect(decisions).toEqual([]);
  }, 30_000);

  it('takes the monthly rates an admin loads, and refuses others and bad months', async () => {
    const body = { rates: [{ month: '2031-02', orePerEur: 1111, source: 'InforEuro' }] };
    await http.put('/api/policy/exchange-rates').set(officer.auth).send(body).expect(403);
    const bad = await http
      .put('/api/policy/exchange-rates')
      .set(admin.auth)
      .send({ rates: [{ month: '2031-13', orePerEur: 1111, source: 'InforEuro' }] })
      .expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('month');
    expect(await ds.query(`SELECT 1 FROM exchange_rate WHERE month = '2031-13'`)).toEqual([]);
    await http.put('/api/policy/exchange-rates').set(admin.auth).send(body).expect(200);
    const list = await http.get('/api/policy/exchange-rates').set(officer.auth).expect(200);
    expect(list.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ month: '2031-02', orePerEur: 1111 })]),
    );
    const applicant = (await firm()).applicant;
    await http.get('/api/policy/exchange-rates').set(applicant.auth).expect(403);
  }, 30_000);
});
