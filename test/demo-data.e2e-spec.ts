import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DemoLoader, DemoPayments, loadDemoData, loadDemoPayments } from '@anslag/demo';
import { DEFAULT_DEMO_DATA_DIR } from '../libs/demo/src/demo-data';
import { DecisionLetterJob } from '@anslag/letters';
import { extractPdfText } from '../libs/letters/src/render/extract-text';
import { createTestApp, PrivateDatabase, randomOrganisationsnummer } from '@anslag/testing';

// Loading the demo twice (cases, decisions, payments) takes seconds on a busy machine.
jest.setTimeout(60_000);

describe('demo data', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  const login = async (username: string) => ({
    Authorization: `Bearer ${(await http.post('/api/auth/login').send({ username, password: 'demo-test' }).expect(200)).body.accessToken}`,
  });

  let db: PrivateDatabase;

  beforeAll(async () => {
    // A database of its own: the demo's reference data (rule sets, delegation points) is not the
    // factories', and other suites must not see it.
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    const data = loadDemoData();
    const first = await new DemoLoader(ds).load(data, 'demo-test');
    expect(first).toEqual({ organisations: 25, cases: 25, accounts: 6 });
    // Loading twice changes nothing.
    expect(await new DemoLoader(ds).load(data, 'demo-test')).toEqual({
      organisations: 25,
      cases: 0,
      accounts: 6,
    });
    // Two loads hash the demo password twice (argon2): slow on a busy machine, so a wider hook timeout.
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('carries MIND, Kottaberget and two company grants through reports, payments, an advance and a recovery', async () => {
    const file = loadDemoPayments(DEFAULT_DEMO_DATA_DIR);
    expect(await new DemoPayments(ds).load(file)).toEqual({ grants: 4, payments: 7 });
    // Loading twice pays nothing twice.
    expect(await new DemoPayments(ds).load(file)).toEqual({ grants: 0, payments: 7 });
    const paid = await ds.query(
      `SELECT c.diarienummer, c.status, SUM(p.net)::int AS paid_out,
              SUM(p.gross) FILTER (WHERE p.kind = 'utbetalning')::int AS credited,
              SUM(p.advance_offset)::int AS offset
       FROM payment p JOIN grant_case c ON c.id = p.case_id WHERE p.status = 'betald'
       GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(paid).toEqual([
      // Company grants paid in full: 50 % of 36 000 and of 68 400 kr.
      { diarienummer: '19RS8586', status: 'avslutad', paid_out: 18_000, credited: 18_000, offset: 0 },
      { diarienummer: '19RS8649', status: 'avslutad', paid_out: 34_200, credited: 34_200, offset: 0 },
      // MIND: 90 % of 484 000 kr is above the cap, so the cap of 432 000 kr is paid.
      { diarienummer: '19RS9282', status: 'avslutad', paid_out: 432_000, credited: 432_000, offset: 0 },
      // Kottaberget: 15 % of 918 163 kr, rounded down; the advance of 50 000 kr offset in two steps.
      { diarienummer: '19RS9565', status: 'avslutad', paid_out: 137_724, credited: 137_724, offset: 50_000 },
    ]);
    const recovery = await ds.query(`SELECT amount::int, interest::int, status FROM recovery`);
    expect(recovery).toEqual([{ amount: 8_200, interest: 93, status: 'reglerad' }]);
    const officer = await login('handlaggare');
    const [mind] = (await http.get('/api/cases').query({ diarienummer: '19RS9282' }).set(officer).expect(200))
      .body.items;
    const [decision] = (await http.get(`/api/cases/${mind.id}/decisions`).set(officer).expect(200)).body;
    const requests = (
      await http.get(`/api/decisions/${decision.id}/payment-requests`).set(officer).expect(200)
    ).body;
    expect(
      requests.map((r: { kind: string; calculation: { net: number } }) => [r.kind, r.calculation.net]),
    ).toEqual([
      ['lagesrapport', 198_000],
      ['slutrapport', 234_000],
    ]);
    const secretary = await login('namndsekreterare');
    const indicators = (
      await http.get('/api/payments/reports/indicators?year=2020').set(secretary).expect(200)
    ).body;
    expect(indicators.reported).toEqual(
      expect.arrayContaining([
        { code: 'deltagande_foretag', label: 'Deltagande företag', total: 66, reports: 2 },
      ]),
    );
  }, 60_000);

  it('keeps the real diarienummer and the seeds’ budgets', async () => {
    const officer = await login('handlaggare');
    const found = await http.get('/api/cases').query({ diarienummer: '19RS9282' }).set(officer).expect(200);
    expect(found.body.items).toHaveLength(1);
    const mind = (await http.get(`/api/cases/${found.body.items[0].id}`).set(officer).expect(200)).body;
    expect(mind.budgetSummary).toMatchObject({
      costsTotal: 484_000,
      financingTotal: 484_000,
      inKindTotal: 60_000,
      askedOfRegion: 432_000,
    });
    const kotta = (await http.get('/api/cases').query({ diarienummer: '19RS9565' }).set(officer).expect(200))
      .body.items[0];
    const k = (await http.get(`/api/cases/${kotta.id}`).set(officer).expect(200)).body;
    expect(k.budgetSummary.costsTotal).toBe(918_163);
    expect(k.amountApplied).toBe(137_725);
  });

  it('holds the 22 company-support cases of the December 2019 report, the NypsID rows with new numbers', async () => {
    const rows = await ds.query(
      `SELECT count(*)::int AS n, count(nyps_id)::int AS nyps FROM grant_case WHERE track = 'foretagsstod' AND registration_date <= '2019-12-03'`,
    );
    expect(rows[0]).toEqual({ n: 22, nyps: 4 });
    const decided = await ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE d.outcome = 'avslag')::int AS rejected, SUM(d.amount)::int AS granted
       FROM decision d JOIN grant_case c ON c.id = d.case_id
       WHERE c.track = 'foretagsstod' AND d.status = 'signerat' AND d.decision_date BETWEEN '2019-11-01' AND '2019-12-03'`,
    );
    expect(decided[0]).toEqual({ n: 22, rejected: 1, granted: 3_586_849 });
    const mind = await ds.query(
      `SELECT d.share_bp, d.amount::int, d.financing, d.delegation_point FROM decision d JOIN grant_case c ON c.id = d.case_id WHERE c.diarienummer = '19RS9282'`,
    );
    expect(mind[0]).toMatchObject({ share_bp: 9000, amount: 432_000, delegation_point: '3.2' });
    expect(mind[0].financing.map((f: { amount: number }) => f.amount)).toEqual([232_000, 200_000]);
    const letters = await ds.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN decision d ON d.id = o.aggregate_id JOIN grant_case c ON c.id = d.case_id WHERE c.diarienummer IN ('19RS9282', '19RS9565')`,
    );
    expect(letters[0].n).toBe(2);
    const kommuner = await ds.query(`SELECT count(*)::int AS n FROM municipality`);
    expect(kommuner[0].n).toBeGreaterThanOrEqual(12);
  });

  it('keeps what users created when the demo is loaded again', async () => {
    const sokande = await login('sokande');
    const org = (
      await http
        .post('/api/organisations')
        .set(sokande)
        .send({
          organisationsnummer: randomOrganisationsnummer(),
          name: 'Egen Firma Efter Demo AB',
          streetAddress: 'Storgatan 9',
          postalCode: '702 10',
          city: 'Örebro',
          kommunCode: '1880',
          legalForm: 'Aktiebolag',
        })
        .expect(201)
    ).body;
    // The token predates the new organisation; the case is created with a fresh login.
    const again = await login('sokande');
    const own = (
      await http
        .post('/api/cases')
        .set(again)
        .send({ track: 'foretagsstod', organisationId: org.id, title: 'Skapad efter demon' })
        .expect(201)
    ).body;
    await new DemoLoader(ds).load(loadDemoData(), 'demo-test');
    const after = await login('sokande');
    expect((await http.get(`/api/cases/${own.id}`).set(after).expect(200)).body.title).toBe(
      'Skapad efter demon',
    );
    expect(
      (await http.get('/api/organisations/mine').set(after).expect(200)).body.map(
        (o: { id: string }) => o.id,
      ),
    ).toContain(org.id);
  }, 60_000);

  it('produces the MIND and Kottaberget letters with the seed letters’ key facts', async () => {
    const ids: { dnr: string; id: string }[] = await ds.query(
      `SELECT c.diarienummer AS dnr, d.id FROM decision d JOIN grant_case c ON c.id = d.case_id
       WHERE c.diarienummer IN ('19RS9282', '19RS9565') ORDER BY c.diarienummer`,
    );
    const officer = await login('handlaggare');
    const text: Record<string, string> = {};
    for (const { dnr, id } of ids) {
      await new DecisionLetterJob(ds).run(id, true);
      const pdf = await http
        .get(`/api/decisions/${id}/letter`)
        .set(officer)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      text[dnr] = (await extractPdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    }
    const mind = text['19RS9282'];
    expect(mind).toContain('beviljas 90 % av projektets bokförda kostnader, dock högst 432 000 kr');
    expect(mind).toContain('2019-11-20');
    expect(mind).toContain('2020-05-30');
    expect(mind).toMatch(/232 000 kr[\s\S]*200 000 kr/);
    expect(mind).toContain('Beslutet gäller under förutsättning att projektets budget är fullt finansierad.');
    expect(mind).toContain('ska det framgå att Region Örebro län medfinansierar projektet');
    expect(mind).toContain('Allmänna villkor för medfinansiering');
    expect(mind).toContain('484 000');
    expect(mind).toMatch(/Petter Arneback[\s\S]*Niklas Lundgren/);
    const kotta = text['19RS9565'];
    expect(kotta).toContain('beviljas 15 % av projektets bokförda kostnader, dock högst 137 725 kr');
    expect(kotta).toContain('918 163');
  }, 30_000);

  it('creates one account per role, and the applicant sees only its organisations', async () => {
    const sokande = await login('sokande');
    const mine = (await http.get('/api/cases').query({ pageSize: 200 }).set(sokande).expect(200)).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(25);
    for (const role of ['beslutsfattare', 'namndsekreterare', 'admin']) {
      const me = (
        await http
          .get('/api/auth/me')
          .set(await login(role))
          .expect(200)
      ).body;
      expect(me.roles).toEqual([role]);
    }
  });
});
