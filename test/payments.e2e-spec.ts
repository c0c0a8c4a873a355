import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { Clock } from '@anslag/common';
import { extractPdfText } from '@anslag/letters';
import { FramesService } from '@anslag/policy';
import { PaymentLetterJob, validatePain001 } from '@anslag/payments';
import {
  CaseFlow,
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  TestUser,
} from '@anslag/testing';

/** The region's payment settings as the demo loads them (data, not code). */
const SETTINGS = {
  holdbackBp: 1000,
  payer: {
    name: 'Regionen',
    organisationsnummer: '232100-0164',
    iban: 'SE4550000000058398257466',
    bic: 'ESSESESS',
  },
  recoveryGrounds: [
    {
      code: 'villkor_ej_uppfyllda',
      label: 'Villkoren i beslutet har inte följts',
      source: 'SFS 2015:210 22 §',
    },
  ],
  recoveryInterest: {
    source: 'Räntelagen (1975:635) 5 §, referensränta + 2 procentenheter',
    rates: [{ from: '2020-01-01', to: null, yearlyRateBp: 400 }],
  },
};

const BG = { type: 'bankgiro', number: '5678-0000' };

/** supertest: the body as bytes (a PDF). */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => cb(null, Buffer.concat(parts)));
};

describe('payments after the decision', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let clock: Clock;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let officerAndDecider: TestUser;
  let decider: TestUser;
  let decider2: TestUser;
  let smallDecider: TestUser;
  let secretary: TestUser;
  let admin: TestUser;
  let flow: CaseFlow;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    clock = app.get(Clock);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    await ds.query(
      `INSERT INTO region_setting (key, value) VALUES ('payments', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify(SETTINGS)],
    );
    officer = await createUser(app, [Role.handlaggare]);
    officerAndDecider = await createUser(app, [Role.handlaggare, Role.beslutsfattare], [], ['3.3']);
    decider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    decider2 = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    smallDecider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    secretary = await createUser(app, [Role.namndsekreterare]);
    admin = await createUser(app, [Role.admin]);
    flow = new CaseFlow(app, { officer, decider });
    for (const [u, max] of [
      [decider, 1_000_000],
      [decider2, 1_000_000],
      [officerAndDecider, 1_000_000],
      [smallDecider, 10_000],
    ] as const)
      await http
        .post('/api/attest-rights')
        .set(admin.auth)
        .send({ accountId: u.account.id, maxAmount: max, validFrom: '2020-01-01' })
        .expect(201);
  });
  afterEach(() => clock.set(null));
  afterAll(() => app.close());

  /** A signed mikrobidrag of 30 000 kr (50 % of 60 000 kr) to a firm outside the tätort. */
  async function grant(
    beforeSigning?: (draftId: string) => Promise<void>,
  ): Promise<{ decisionId: string; caseId: string; applicant: TestUser }> {
    const { org, applicant } = await flow.firm();
    const caseId = await flow.assessed(applicant, {
      ...mikrobidragApplication(org.id, 30_000),
      title: 'Ny rostningsmaskin',
      costLines: [{ description: 'Rostningsmaskin', costType: 'machinery', amount: 60_000 }],
      plannedStart: '2027-02-01',
    });
    const draft = await flow.draft(caseId);
    if (beforeSigning) await beforeSigning(draft.id);
    await flow.sign(draft.id);
    return { decisionId: draft.id, caseId, applicant };
  }

  const voucher = (n: number, over: Record<string, unknown> = {}) => ({
    voucherNumber: `V-${n}`,
    supplier: 'Maskinbolaget AB',
    costCategory: 'investeringar',
    costType: 'machinery',
    invoiceDate: '2027-03-01',
    paymentDate: '2027-03-20',
    amountExVat: 20_000,
    vat: 5_000,
    ...over,
  });

  /** The final request with three vouchers, submitted on 2027-06-01. */
  async function submitted(
    g: { decisionId: string; applicant: TestUser },
    vouchers = [voucher(1), voucher(2), voucher(3)],
  ) {
    clock.set(new Date('2027-06-01T10:00:00Z'));
    const r = await http
      .post(`/api/decisions/${g.decisionId}/payment-requests`)
      .set(g.applicant.auth)
      .send({ reportText: 'Maskinen är köpt och i drift.', payoutAccount: BG, vouchers })
      .expect(201);
    await http.post(`/api/payment-requests/${r.body.id}/submit`).set(g.applicant.auth).expect(200);
    return r.body.id as string;
  }

  const approveAll = (n: number) => ({
    lines: Array.from({ length: n }, (_, i) => ({ lineNo: i + 1, verdict: 'godkand' })),
    finalReportApproved: true,
  });

  it('gives company support one final report, and shows every problem before submission', async () => {
    const g = await grant();
    const schedule = await http
      .get(`/api/decisions/${g.decisionId}/reporting-schedule`)
      .set(g.applicant.auth)
      .expect(200);
    expect(schedule.body).toEqual([
      expect.objectContaining({
        seq: 1,
        kind: 'slutrapport',
        periodFrom: '2027-02-01',
        periodTo: '2028-01-31',
        dueDate: '2028-03-31',
      }),
    ]);

    clock.set(new Date('2027-06-01T10:00:00Z'));
    const draft = await http
      .post(`/api/decisions/${g.decisionId}/payment-requests`)
      .set(g.applicant.auth)
      .send({})
      .expect(201);
    expect(draft.body).toMatchObject({ status: 'utkast', kind: 'slutrapport', seq: 1 });
    const check = await http
      .post(`/api/payment-requests/${draft.body.id}/check`)
      .set(g.applicant.auth)
      .expect(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.problems.map((p: { field: string }) => p.field)).toEqual([
      'reportText',
      'payoutAccount',
      'vouchers',
    ]);
    const refused = await http
      .post(`/api/payment-requests/${draft.body.id}/submit`)
      .set(g.applicant.auth)
      .expect(400);
    expect(refused.body.code).toBe('PAYMENT_REQUEST_INCOMPLETE');
    expect(refused.body.details).toHaveLength(3);

    await http
      .patch(`/api/payment-requests/${draft.body.id}`)
      .set(g.applicant.auth)
      .send({
        reportText: 'Klart.',
        payoutAccount: { type: 'bankgiro', number: '5678-0001' },
        vouchers: [voucher(1), voucher(1, { costType: 'leasing' })],
      })
      .expect(200);
    const again = (
      await http.post(`/api/payment-requests/${draft.body.id}/check`).set(g.applicant.auth).expect(200)
    ).body;
    expect(again.problems).toEqual([
      { field: 'payoutAccount.number', problem: 'bankgironumret har fel kontrollsiffra' },
      { field: 'vouchers[1].voucherNumber', problem: 'Verifikationsnumret finns redan i ansökan' },
    ]);
    expect(again.warnings).toEqual([
      { field: 'vouchers[1]', problem: 'Kostnadsslaget är inte stödberättigande' },
    ]);
    const stored = await ds.query(`SELECT status FROM payment_request WHERE id = $1`, [draft.body.id]);
    expect(stored).toEqual([{ status: 'utkast' }]);
  });

  it('verifies line by line, computes the amount with its terms, and pays after four eyes', async () => {
    const g = await grant();
    const id = await submitted(g, [voucher(1), voucher(2), voucher(3, { costType: 'leasing' })]);
    // A flagged line cannot be approved; a deduction needs a reason from the list.
    const bad = await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officer.auth)
      .send({
        lines: [
          { lineNo: 1, verdict: 'godkand' },
          { lineNo: 2, verdict: 'avdragen' },
          { lineNo: 3, verdict: 'godkand' },
        ],
      })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual([
      'lines[1].deductionReason',
      'lines[2].verdict',
    ]);
    expect((await ds.query(`SELECT status FROM payment_request WHERE id = $1`, [id]))[0].status).toBe(
      'inskickad',
    );

    const verified = await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officer.auth)
      .send({
        lines: [
          { lineNo: 1, verdict: 'godkand' },
          { lineNo: 2, verdict: 'avdragen', deductionReason: 'underlag_saknas', approvedAmount: 15_000 },
          {
            lineNo: 3,
            verdict: 'avdragen',
            deductionReason: 'ej_stodberattigande',
            deductionText: 'Leasing',
          },
        ],
        finalReportApproved: true,
      })
      .expect(200);
    // Approved 35 000 kr × 50 % = 17 500 kr, under the grant of 30 000 kr.
    expect(verified.body).toMatchObject({ status: 'granskad', approvedCosts: 35_000 });
    expect(verified.body.calculation).toMatchObject({ entitledTotal: 17_500, net: 17_500 });
    expect(verified.body.calculation.terms[0].reason).toBe('50 % av godkända kostnader hittills 35 000 kr');
    const [payment] = (
      await http.get(`/api/decisions/${g.decisionId}/payments`).set(officer.auth).expect(200)
    ).body;
    expect(payment).toMatchObject({ status: 'forslag', net: 17_500, kind: 'utbetalning' });

    await http.post(`/api/payments/${payment.id}/authorise`).set(officer.auth).expect(403);
    await http.post(`/api/payments/${payment.id}/authorise`).set(secretary.auth).expect(403);
    const limited = await http
      .post(`/api/payments/${payment.id}/authorise`)
      .set(smallDecider.auth)
      .expect(403);
    expect(limited.body.code).toBe('ATTEST_LIMIT');
    const ok = await http.post(`/api/payments/${payment.id}/authorise`).set(decider.auth).expect(200);
    expect(ok.body).toMatchObject({ status: 'attesterad', authorisedByName: 'Test Testsson' });
    // Authorised means fixed: the database refuses a changed amount.
    await expect(
      ds.query(`UPDATE payment SET net = 1, gross = 1 WHERE id = $1`, [payment.id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(ds.query(`DELETE FROM payment WHERE id = $1`, [payment.id])).rejects.toThrow(
      /never deleted/,
    );

    // Its letter is ordered with the authorisation and produced through the letter job.
    expect(await ds.query(`SELECT topic FROM outbox WHERE aggregate_id = $1`, [payment.id])).toEqual([
      { topic: 'payment-letter' },
    ]);
    await http.get(`/api/payments/${payment.id}/letter`).set(g.applicant.auth).expect(404);
    expect(await new PaymentLetterJob(ds).run(payment.id)).toBe('done');
    expect(await new PaymentLetterJob(ds).run(payment.id)).toBe('already');
    const pdf = await http
      .get(`/api/payments/${payment.id}/letter`)
      .set(g.applicant.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await extractPdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Beslut om slututbetalning');
    expect(text).toContain('betalar ut 17 500 kr');
    expect(text).toContain('Underlag saknas');
    expect(text).toContain('Kostnaden är inte stödberättigande: Leasing');
    expect(text).toContain('50 % av godkända kostnader hittills 35 000 kr 17 500 kr');
    const stranger = await createUser(app, [Role.sokande], [(await createOrganisation(ds)).id]);
    await http.get(`/api/payments/${payment.id}/letter`).set(stranger.auth).expect(404);
  });

  it('refuses the person who verified to authorise', async () => {
    const g = await grant();
    const id = await submitted(g);
    await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officerAndDecider.auth)
      .send(approveAll(3))
      .expect(200);
    const [payment] = (await http.get(`/api/decisions/${g.decisionId}/payments`).set(officer.auth)).body;
    const refused = await http
      .post(`/api/payments/${payment.id}/authorise`)
      .set(officerAndDecider.auth)
      .expect(403);
    expect(refused.body.code).toBe('FOUR_EYES');
    expect((await ds.query(`SELECT status FROM payment WHERE id = $1`, [payment.id]))[0].status).toBe(
      'forslag',
    );
  });

  it('makes one payment of two authorisations at once', async () => {
    const g = await grant();
    const id = await submitted(g);
    await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officer.auth)
      .send(approveAll(3))
      .expect(200);
    const [payment] = (await http.get(`/api/decisions/${g.decisionId}/payments`).set(officer.auth)).body;
    const answers = await Promise.all([
      http.post(`/api/payments/${payment.id}/authorise`).set(decider.auth),
      http.post(`/api/payments/${payment.id}/authorise`).set(decider2.auth),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const rows = await ds.query(
      `SELECT status FROM payment WHERE request_id = $1 AND status <> 'makulerad'`,
      [id],
    );
    expect(rows).toEqual([{ status: 'attesterad' }]);
  });

  it('pays the grant in full through a pain.001 file, then closes the case', async () => {
    const g = await grant();
    const id = await submitted(g);
    // 60 000 kr approved × 50 % = 30 000 kr: the whole grant, the final report approved.
    const v = await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officer.auth)
      .send(approveAll(3))
      .expect(200);
    expect(v.body.calculation.net).toBe(30_000);
    const [payment] = (await http.get(`/api/decisions/${g.decisionId}/payments`).set(officer.auth)).body;
    await http.post(`/api/payments/${payment.id}/authorise`).set(decider.auth).expect(200);

    await http
      .post('/api/payment-batches')
      .set(g.applicant.auth)
      .send({ executionDate: '2027-06-10' })
      .expect(403);
    const batch = await http
      .post('/api/payment-batches')
      .set(officer.auth)
      .send({ executionDate: '2027-06-10' })
      .expect(201);
    expect(batch.body.count).toBeGreaterThanOrEqual(1);
    const xml = await http
      .get(`/api/payment-batches/${batch.body.id}/pain001`)
      .set(officer.auth)
      .buffer(true)
      .parse((res, cb) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString('utf8')));
        res.on('end', () => cb(null, data));
      })
      .expect(200);
    expect(await validatePain001(xml.body as string)).toEqual([]);
    expect(xml.body).toContain('<InstdAmt Ccy="SEK">30000.00</InstdAmt>');
    const csv = await http.get(`/api/payment-batches/${batch.body.id}/csv`).set(officer.auth).expect(200);
    expect(csv.text).toContain(';30000;2027-06-10;');
    await http.get(`/api/payment-batches/${batch.body.id}/csv`).set(g.applicant.auth).expect(403);

    await http
      .post(`/api/payments/${payment.id}/cancel`)
      .set(officer.auth)
      .send({ reason: 'Fel konto' })
      .expect(409);
    const paid = await http
      .post(`/api/payments/${payment.id}/confirmation`)
      .set(officer.auth)
      .send({ paidOn: '2027-06-10', reference: 'BG-0042' })
      .expect(200);
    expect(paid.body).toMatchObject({ status: 'betald', paidOn: '2027-06-10' });
    expect((await ds.query(`SELECT status FROM grant_case WHERE id = $1`, [g.caseId]))[0].status).toBe(
      'avslutad',
    );
    expect(
      await ds.query(`SELECT paid_total, released FROM grant_closure WHERE decision_id = $1`, [g.decisionId]),
    ).toEqual([{ paid_total: '30000', released: '0' }]);
    const history = await ds.query(`SELECT action FROM case_history WHERE case_id = $1 ORDER BY id`, [
      g.caseId,
    ]);
    expect(history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining([
        'utbetalningsansokan_inskickad',
        'utbetalningsansokan_granskad',
        'utbetalning_attesterad',
        'utbetalning_betald',
        'arende_avslutat',
      ]),
    );
    // A second final request is refused.
    await http
      .post(`/api/decisions/${g.decisionId}/payment-requests`)
      .set(g.applicant.auth)
      .send({})
      .expect(409);
    const paidReport = await http
      .get('/api/payments/reports/payments?from=2027-06-01&to=2027-06-30')
      .set(secretary.auth)
      .expect(200);
    expect(paidReport.body.payments).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: payment.id, net: 30_000 })]),
    );
  });

  it('releases what was not paid from the frame when the grant is closed', async () => {
    // The grant on a frame of its own, so that other suites' grants in the same year do not count.
    const g = await grant(async (draftId) => {
      await ds.query(`UPDATE decision SET frame = 'testram_utbetalning' WHERE id = $1`, [draftId]);
    });
    const year = Number(
      (
        await ds.query(`SELECT decision_date::text AS d FROM decision WHERE id = $1`, [g.decisionId])
      )[0].d.slice(0, 4),
    );
    const frames = app.get(FramesService);
    expect((await frames.usage(year)).frames.testram_utbetalning).toBe(30_000);
    const id = await submitted(g);
    await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officer.auth)
      .send({
        lines: [
          { lineNo: 1, verdict: 'godkand' },
          { lineNo: 2, verdict: 'godkand' },
          { lineNo: 3, verdict: 'avdragen', deductionReason: 'underlag_saknas' },
        ],
        finalReportApproved: true,
      })
      .expect(200);
    const [payment] = (await http.get(`/api/decisions/${g.decisionId}/payments`).set(officer.auth)).body;
    expect(payment.net).toBe(20_000);
    await http.post(`/api/payments/${payment.id}/authorise`).set(decider.auth).expect(200);
    const batch = await http
      .post('/api/payment-batches')
      .set(officer.auth)
      .send({ executionDate: '2027-06-10' })
      .expect(201);
    const inBatch = await ds.query(`SELECT id FROM payment WHERE batch_id = $1 AND status = 'i_bunt'`, [
      batch.body.id,
    ]);
    for (const p of inBatch)
      await http
        .post(`/api/payments/${p.id}/confirmation`)
        .set(officer.auth)
        .send({ paidOn: '2027-06-10', reference: 'X' })
        .expect(200);
    expect(
      await ds.query(`SELECT released FROM grant_closure WHERE decision_id = $1`, [g.decisionId]),
    ).toEqual([{ released: '10000' }]);
    expect((await frames.usage(year)).frames.testram_utbetalning).toBe(20_000);
  });

  it('limits an advance to half the grant and offsets it on the final payment', async () => {
    const g = await grant();
    const advance = {
      amount: 15_001,
      specialReasons: 'Företaget behöver betala maskinen innan leverans och saknar kredit.',
      offsetPlan: [{ seq: 1, amount: 15_001 }],
      payoutAccount: BG,
    };
    const over = await http
      .post(`/api/decisions/${g.decisionId}/advances`)
      .set(officer.auth)
      .send(advance)
      .expect(409);
    expect(over.body.code).toBe('ADVANCE_ABOVE_LIMIT');
    await http
      .post(`/api/decisions/${g.decisionId}/advances`)
      .set(g.applicant.auth)
      .send(advance)
      .expect(403);
    const a = await http
      .post(`/api/decisions/${g.decisionId}/advances`)
      .set(officer.auth)
      .send({ ...advance, amount: 15_000, offsetPlan: [{ seq: 1, amount: 15_000 }] })
      .expect(201);
    expect(a.body).toMatchObject({ kind: 'forskott', status: 'forslag', net: 15_000 });
    // The ceiling counts advances already given: one more krona is too much.
    const second = await http
      .post(`/api/decisions/${g.decisionId}/advances`)
      .set(officer.auth)
      .send({ ...advance, amount: 1, offsetPlan: [{ seq: 1, amount: 1 }] })
      .expect(409);
    expect(second.body.details).toEqual([{ field: 'amount', problem: 'högst 0 kr' }]);
    await http.post(`/api/payments/${a.body.id}/authorise`).set(decider.auth).expect(200);

    const id = await submitted(g);
    const v = await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officer.auth)
      .send(approveAll(3))
      .expect(200);
    expect(v.body.calculation).toMatchObject({ gross: 30_000, advanceOffset: 15_000, net: 15_000 });
    const live = await ds.query(
      `SELECT kind, gross, advance_offset, net FROM payment WHERE decision_id = $1 AND status <> 'makulerad' ORDER BY kind`,
      [g.decisionId],
    );
    expect(live).toEqual([
      { kind: 'forskott', gross: '15000', advance_offset: '0', net: '15000' },
      { kind: 'utbetalning', gross: '30000', advance_offset: '15000', net: '15000' },
    ]);
  });

  it('recovers at most what was paid, with interest, decided by someone else', async () => {
    const g = await grant();
    const id = await submitted(g);
    await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(officer.auth)
      .send(approveAll(3))
      .expect(200);
    const [payment] = (await http.get(`/api/decisions/${g.decisionId}/payments`).set(officer.auth)).body;
    await http.post(`/api/payments/${payment.id}/authorise`).set(decider.auth).expect(200);

    const draft = {
      groundsCode: 'villkor_ej_uppfyllda',
      groundsText: 'Maskinen såldes efter fyra månader.',
      amount: 30_001,
      interestFrom: '2027-07-01',
      settlement: 'faktura',
    };
    const over = await http
      .post(`/api/decisions/${g.decisionId}/recoveries`)
      .set(officer.auth)
      .send(draft)
      .expect(409);
    expect(over.body.code).toBe('RECOVERY_ABOVE_PAID');
    const unknown = await http
      .post(`/api/decisions/${g.decisionId}/recoveries`)
      .set(officer.auth)
      .send({ ...draft, groundsCode: 'annat' })
      .expect(400);
    expect(unknown.body.details[0].field).toBe('groundsCode');
    const r = await http
      .post(`/api/decisions/${g.decisionId}/recoveries`)
      .set(officer.auth)
      .send({ ...draft, amount: 10_000 })
      .expect(201);
    // The applicant does not see a draft.
    expect(
      (await http.get(`/api/decisions/${g.decisionId}/recoveries`).set(g.applicant.auth).expect(200)).body,
    ).toEqual([]);
    await http.post(`/api/recoveries/${r.body.id}/decide`).set(officer.auth).expect(403);

    clock.set(new Date('2028-06-30T10:00:00Z'));
    const decided = await http.post(`/api/recoveries/${r.body.id}/decide`).set(decider.auth).expect(200);
    // 4 % a year on 10 000 kr from 2027-07-01 to 2028-06-30: 366 days, 401 kr rounded down.
    expect(decided.body).toMatchObject({
      status: 'beslutad',
      interestTo: '2028-06-30',
      interest: 401,
      groundsLabel: 'Villkoren i beslutet har inte följts',
    });
    const seen = (
      await http.get(`/api/decisions/${g.decisionId}/recoveries`).set(g.applicant.auth).expect(200)
    ).body;
    expect(seen).toHaveLength(1);
    await new PaymentLetterJob(ds).run(r.body.id);
    const letter = await http
      .get(`/api/recoveries/${r.body.id}/letter`)
      .set(g.applicant.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (await extractPdfText(letter.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Beslut om återkrav');
    expect(text).toContain('ska betala tillbaka 10 000 kr');
    expect(text).toContain('med ränta 401 kr: sammanlagt 10 401 kr');
    expect(text).toContain('Maskinen såldes efter fyra månader.');
    // The ledger and the grant history count only the aid kept: 30 000 kr granted, 10 000 kr recovered.
    const [entry] = await ds.query(
      `SELECT amount_sek, recovered_sek, amount_eur, recovered_eur FROM de_minimis_ledger WHERE decision_id = $1`,
      [g.decisionId],
    );
    expect(entry.recovered_sek).toBe('10000');
    expect(entry.recovered_eur).toBe(Math.floor((entry.amount_eur * 10_000) / 30_000));
    const [{ organisation_id: orgId }] = await ds.query(
      `SELECT organisation_id FROM grant_case WHERE id = $1`,
      [g.caseId],
    );
    const next = await flow.takenUp(g.applicant, {
      ...mikrobidragApplication(orgId, 30_000),
      title: 'Kylanläggning',
      costLines: [{ description: 'Kylanläggning', costType: 'machinery', amount: 60_000 }],
      plannedStart: '2029-02-01',
    });
    const ev = await flow.assess(next);
    const perCompany = ev.evaluation.maxGrant.terms.find((t: { term: string }) => t.term === 'per_foretag');
    // 60 000 kr per company, less the 20 000 kr kept of the first grant.
    expect(perCompany.amount).toBe(40_000);
    await http
      .post(`/api/recoveries/${r.body.id}/settle`)
      .set(officer.auth)
      .send({ paidOn: '2028-07-15', reference: 'Faktura 2028-117' })
      .expect(200);
  });

  it('keeps other organisations and roles out', async () => {
    const g = await grant();
    const id = await submitted(g);
    const stranger = await createUser(app, [Role.sokande], [(await createOrganisation(ds)).id]);
    await http.get(`/api/payment-requests/${id}`).set(stranger.auth).expect(404);
    await http.get(`/api/decisions/${g.decisionId}/reporting-schedule`).set(stranger.auth).expect(404);
    await http
      .post(`/api/decisions/${g.decisionId}/payment-requests`)
      .set(stranger.auth)
      .send({})
      .expect(404);
    await http.post(`/api/decisions/${g.decisionId}/payment-requests`).set(officer.auth).send({}).expect(403);
    await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(g.applicant.auth)
      .send(approveAll(3))
      .expect(403);
    await http
      .post(`/api/payment-requests/${id}/verification`)
      .set(decider.auth)
      .send(approveAll(3))
      .expect(403);
    await http.get('/api/payments?status=forslag').set(g.applicant.auth).expect(403);
    await http.get('/api/payments/reports/outstanding').set(g.applicant.auth).expect(403);
    await http
      .post('/api/attest-rights')
      .set(decider.auth)
      .send({ accountId: decider.account.id, maxAmount: 1, validFrom: '2020-01-01' })
      .expect(403);
    await http
      .put(`/api/decisions/${g.decisionId}/reporting-schedule/1`)
      .set(g.applicant.auth)
      .send({ dueDate: '2028-05-01', reason: 'Sen start' })
      .expect(403);
    const moved = await http
      .put(`/api/decisions/${g.decisionId}/reporting-schedule/1`)
      .set(officer.auth)
      .send({ dueDate: '2028-05-01', reason: 'Sen start' })
      .expect(200);
    expect(moved.body[0]).toMatchObject({ dueDate: '2028-05-01', overrideReason: 'Sen start' });
  });

  it('lists outstanding commitments and overdue reports for the secretariat', async () => {
    const g = await grant();
    const year = Number(
      (
        await ds.query(`SELECT decision_date::text AS d FROM decision WHERE id = $1`, [g.decisionId])
      )[0].d.slice(0, 4),
    );
    const lines = (
      await http.get(`/api/payments/reports/outstanding?year=${year}`).set(secretary.auth).expect(200)
    ).body;
    const mikro = lines.find((l: { aidForm: string }) => l.aidForm === 'mikrobidrag');
    expect(mikro.outstanding).toBeGreaterThanOrEqual(30_000);
    const overdue = (
      await http.get('/api/payments/reports/overdue?date=2028-04-01').set(secretary.auth).expect(200)
    ).body;
    expect(overdue).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          decisionId: g.decisionId,
          kind: 'slutrapport',
          dueDate: '2028-03-31',
          daysLate: 1,
        }),
      ]),
    );
    const notYet = (
      await http.get('/api/payments/reports/overdue?date=2028-03-31').set(secretary.auth).expect(200)
    ).body;
    expect(notYet.some((o: { decisionId: string }) => o.decisionId === g.decisionId)).toBe(false);
  });
});
