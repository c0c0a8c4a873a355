import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import type { RuleSet } from '@anslag/rules';
import {
  CaseFlow,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  PrivateDatabase,
  type TestUser,
} from '@anslag/testing';

interface Row {
  caseId: string;
  amountApplied: number;
  current: { maxGrant: number } | null;
  draft: { maxGrant: number };
  changed: boolean;
  changedTerms: string[];
}

/**
 * The what-if keeps the evaluations under the decision in force between runs; whatever changes, through
 * the api or not, its answer is the one a fresh evaluation would give. It reads the open cases a slice
 * at a time. A database of its own, so that the open cases are exactly this suite's.
 */
describe('what-if over the open cases', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let db: PrivateDatabase;
  let officer: TestUser;
  let caseId: string;
  let draft: RuleSet;

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    const flow = new CaseFlow(app, { officer });
    const { org, applicant } = await flow.firm();
    // 30 000 kr asked of 60 000 kr costs: 30 000 kr under the decision in force (half, and its cap).
    caseId = await flow.created(applicant, mikrobidragApplication(org.id, 30_000));
    await flow.transition(caseId, applicant, 'skicka_in');
    const [adopted] = await ds.query(`SELECT content FROM inriktningsbeslut WHERE status = 'antaget'`);
    draft = { ...adopted.content, id: 'utkast' };
    draft.aidForms.mikrobidrag.maxPerDecision = 20_000;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 30_000);

  const whatIf = async (query: Record<string, number> = {}) =>
    (
      await http
        .post('/api/policy/what-if')
        .query(query)
        .set(officer.auth)
        .send({ content: draft })
        .expect(201)
    ).body;
  const rowOf = (body: { cases: Row[]; unchanged: { items: Row[] } }, id: string) =>
    [...body.cases, ...body.unchanged.items].find((r) => r.caseId === id);

  it('answers from the cases and the decision in force as they are now, however they changed', async () => {
    const first = await whatIf();
    expect(rowOf(first, caseId)).toMatchObject({
      amountApplied: 30_000,
      current: { maxGrant: 30_000 },
      draft: { maxGrant: 20_000 },
      changed: true,
    });
    // The same again, the decision in force's side from what was kept.
    expect(await whatIf()).toEqual(first);

    // The amount asked, changed behind the api's back.
    await ds.query(`UPDATE grant_case SET amount_applied = 24000 WHERE id = $1`, [caseId]);
    expect(rowOf(await whatIf(), caseId)).toMatchObject({
      amountApplied: 24_000,
      current: { maxGrant: 24_000 },
      draft: { maxGrant: 20_000 },
      changed: true,
    });

    // Lower costs: half of 36 000 kr is below both caps, so the draft changes the cap but not the maximum.
    await ds.query(`UPDATE budget_line SET amount = 36000 WHERE case_id = $1`, [caseId]);
    expect(rowOf(await whatIf(), caseId)).toMatchObject({
      current: { maxGrant: 18_000 },
      draft: { maxGrant: 18_000 },
      changed: true,
      changedTerms: ['per_beslut'],
    });

    // The decision in force itself changed: a lower share under it, not under the draft.
    await ds.query(
      `UPDATE inriktningsbeslut SET content = jsonb_set(content, '{aidForms,mikrobidrag,maxShareBp}', '3000')
        WHERE status = 'antaget'`,
    );
    try {
      expect(rowOf(await whatIf(), caseId)).toMatchObject({
        current: { maxGrant: 10_800 },
        draft: { maxGrant: 18_000 },
        changed: true,
        changedTerms: expect.arrayContaining(['maxGrant', 'andel']),
      });
    } finally {
      await ds.query(
        `UPDATE inriktningsbeslut SET content = jsonb_set(content, '{aidForms,mikrobidrag,maxShareBp}', '5000')
          WHERE status = 'antaget'`,
      );
    }
    expect(rowOf(await whatIf(), caseId)).toMatchObject({
      current: { maxGrant: 18_000 },
      changedTerms: ['per_beslut'],
    });

    // A closed case is no longer among the open ones.
    await ds.query(`UPDATE grant_case SET status = 'aterkallad' WHERE id = $1`, [caseId]);
    try {
      const closed = await whatIf();
      expect(closed.openCases).toBe(0);
      expect(rowOf(closed, caseId)).toBeUndefined();
    } finally {
      await ds.query(`UPDATE grant_case SET status = 'inskickad' WHERE id = $1`, [caseId]);
    }
    expect(rowOf(await whatIf(), caseId)).toMatchObject({ current: { maxGrant: 18_000 } });
  });

  it('returns the connection of a what-if refused half-way', async () => {
    // More refused what-ifs than the pool has connections: a cursor left open would hold one each.
    const bad = { ...draft, aidForms: { ...draft.aidForms, mikrobidrag: { ...draft.aidForms.mikrobidrag } } };
    bad.aidForms.mikrobidrag.maxShareBp = 20_000;
    for (let i = 0; i < 25; i++) {
      const res = await http.post('/api/policy/what-if').set(officer.auth).send({ content: bad });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await whatIf()).openCases).toBe(1);
  });

  it('evaluates every open case once, slice after slice, in registration order', async () => {
    // 2 500 open cases besides the one above, a fifth of them projects; set-based, as an import would.
    await ds.query(
      `INSERT INTO organisation (organisationsnummer, name, street_address, postal_code, city, kommun_code, in_tatort, legal_form, employees, fte_hundredths, run_by)
       SELECT '55' || lpad(i::text, 4, '0') || '-' || lpad(i::text, 4, '0'), 'Bolag ' || i, 'Gatan 1', '71130', 'Lindesberg', '1885', false, 'Aktiebolag', 1 + i % 4, 50 + i % 300, (ARRAY['kvinnor','man','bada'])[1 + i % 3]
       FROM generate_series(1, 400) i`,
    );
    await ds.query(
      `INSERT INTO grant_case (diarienummer, track, status, organisation_id, title, aid_form, amount_applied, planned_start, collective_agreement, received_at, registered_at, registration_date, rus_areas, period_start, period_end, version)
       SELECT 'WI' || (100000 + i), CASE WHEN i % 5 = 0 THEN 'projekt' ELSE 'foretagsstod' END, 'under_handlaggning', o.id, 'Ärende ' || i,
              CASE WHEN i % 5 = 0 THEN NULL ELSE (ARRAY['konsultcheck','mikrobidrag','saddbidrag','investeringsstod'])[1 + i % 4] END,
              CASE WHEN i % 5 = 0 THEN NULL ELSE 10000 + (i % 50) * 1000 END, '2030-01-01', true, now(), now(), current_date - i % 9,
              CASE WHEN i % 5 = 0 THEN ARRAY['kompetensforsorjning_matchning'] ELSE '{}'::text[] END,
              CASE WHEN i % 5 = 0 THEN '2026-01-01'::date END, CASE WHEN i % 5 = 0 THEN '2027-12-31'::date END, 1
       FROM generate_series(1, 2500) i
       JOIN LATERAL (SELECT id FROM organisation WHERE name LIKE 'Bolag %' ORDER BY organisationsnummer OFFSET (i % 400) LIMIT 1) o ON true`,
    );
    await ds.query(
      `INSERT INTO budget_line (case_id, kind, code, cost_type, label, amount, position)
       SELECT id, 'cost', 'equipment', 'equipment', 'Utrustning', 2 * amount_applied, 0
         FROM grant_case WHERE diarienummer LIKE 'WI%' AND track = 'foretagsstod'`,
    );
    await ds.query(
      `INSERT INTO budget_line (case_id, kind, code, year, amount, position)
       SELECT id, 'cost', 'egen_personal', 2026, 800000, 0 FROM grant_case WHERE diarienummer LIKE 'WI%' AND track = 'projekt'
       UNION ALL SELECT id, 'financing', 'region_1_1', 2026, 400000, 1 FROM grant_case WHERE diarienummer LIKE 'WI%' AND track = 'projekt'
       UNION ALL SELECT id, 'financing', 'kommuner', 2026, 400000, 2 FROM grant_case WHERE diarienummer LIKE 'WI%' AND track = 'projekt'`,
    );
    // Every open case in the order of the answer; the draft lowers only the mikrobidrag cap per decision
    // (30 000 kr to 20 000 kr): exactly the mikrobidrag cases change, each in that term at least.
    const order = (
      await ds.query(
        `SELECT id, aid_form = 'mikrobidrag' AS changes FROM grant_case
          WHERE status = 'under_handlaggning' OR id = $1 ORDER BY registration_date, id`,
        [caseId],
      )
    ).map((r: { id: string; changes: boolean }) => r);
    expect(order).toHaveLength(2_501);
    const changes = order.filter((r: { changes: boolean }) => r.changes).map((r: { id: string }) => r.id);
    const stays = order.filter((r: { changes: boolean }) => !r.changes).map((r: { id: string }) => r.id);
    expect(changes.length).toBeGreaterThan(300);

    const first = await whatIf({ pageSize: 200 });
    expect(first.openCases).toBe(2_501);
    expect(first.cases.map((r: Row) => r.caseId)).toEqual(changes);
    expect(first.unchanged.total).toBe(stays.length);
    // The new cases' costs are twice the amount asked: each cap binds where the amount is above it.
    for (const r of (first.cases as Row[]).filter((c) => c.caseId !== caseId)) {
      expect(r.current!.maxGrant).toBe(Math.min(r.amountApplied, 30_000));
      expect(r.draft.maxGrant).toBe(Math.min(r.amountApplied, 20_000));
      expect(r.changedTerms).toContain('per_beslut');
      expect(r.changedTerms.includes('maxGrant')).toBe(r.amountApplied > 20_000);
    }
    // The unchanged page by page across the slices, each where the order puts it.
    const last = Math.ceil(stays.length / 200);
    for (const page of [1, 5, 6, last]) {
      const body = await whatIf({ page, pageSize: 200 });
      expect(body.cases).toEqual(first.cases);
      expect(body.unchanged.items.map((r: Row) => r.caseId)).toEqual(
        stays.slice((page - 1) * 200, page * 200),
      );
    }
    // The unchanged cases' maxima per frame under either decision are the same; the changed differ.
    const again = await whatIf({ pageSize: 200 });
    expect(again).toEqual(first);
    expect(again.frames.current.openMaxByFrame.foretagsstod).toBeGreaterThan(
      again.frames.draft.openMaxByFrame.foretagsstod,
    );
  }, 120_000);
});
