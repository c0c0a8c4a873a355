import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { Role } from '@anslag/auth';
import { createUser, ensureReferenceData } from '@anslag/testing';
import type { RuleSet } from '@anslag/rules';
import type { BenchResult } from './bench-result';
import { withScratchDatabase } from './scratch-db';

const OPEN_CASES = 10_000;
const ORGANISATIONS = 2_000;

/** Inserts open company-support and project cases with budgets, in a few set-based statements. */
async function seed(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO organisation (organisationsnummer, name, street_address, postal_code, city, kommun_code, in_tatort, legal_form, employees, fte_hundredths, run_by)
     SELECT lpad(i::text, 6, '0') || '-' || lpad(i::text, 4, '0'), 'Bolag ' || i, 'Gatan 1', '70211', 'Örebro', '1880', i % 3 = 0, 'Aktiebolag', 1 + i % 6, 50 + i % 300, (ARRAY['kvinnor','man','bada'])[1 + i % 3]
     FROM generate_series(1, $1) i`,
    [ORGANISATIONS],
  );
  await ds.query(
    `INSERT INTO grant_case (diarienummer, track, status, organisation_id, title, aid_form, amount_applied, planned_start, collective_agreement, received_at, registered_at, registration_date, rus_areas, period_start, period_end, version)
     SELECT '26RS' || (100000 + i), CASE WHEN i % 5 = 0 THEN 'projekt' ELSE 'foretagsstod' END, 'under_handlaggning', o.id, 'Ärende ' || i,
            CASE WHEN i % 5 = 0 THEN NULL ELSE (ARRAY['konsultcheck','mikrobidrag','saddbidrag','investeringsstod'])[1 + i % 4] END,
            CASE WHEN i % 5 = 0 THEN NULL ELSE 20000 + (i % 50) * 1000 END, '2027-01-01', true, now(), now(), '2026-06-01',
            CASE WHEN i % 5 = 0 THEN ARRAY['kompetensforsorjning_matchning'] ELSE '{}'::text[] END,
            CASE WHEN i % 5 = 0 THEN '2026-01-01'::date END, CASE WHEN i % 5 = 0 THEN '2027-12-31'::date END, 1
     FROM generate_series(1, $1) i JOIN LATERAL (SELECT id FROM organisation ORDER BY organisationsnummer OFFSET (i % $2) LIMIT 1) o ON true`,
    [OPEN_CASES, ORGANISATIONS],
  );
  await ds.query(
    `INSERT INTO budget_line (case_id, kind, code, cost_type, label, amount, position)
     SELECT id, 'cost', 'equipment', 'equipment', 'Utrustning', 2 * amount_applied, 0 FROM grant_case WHERE track = 'foretagsstod'`,
  );
  await ds.query(
    `INSERT INTO budget_line (case_id, kind, code, year, amount, position)
     SELECT id, 'cost', 'egen_personal', 2026, 800000, 0 FROM grant_case WHERE track = 'projekt'
     UNION ALL SELECT id, 'financing', 'region_1_1', 2026, 400000, 1 FROM grant_case WHERE track = 'projekt'
     UNION ALL SELECT id, 'financing', 'kommuner', 2026, 400000, 2 FROM grant_case WHERE track = 'projekt'`,
  );
}

const ROUNDS = 5;

/** The what-if over 10 000 open cases through the whole API, beside evaluating the same cases twice in a bare loop. */
export async function run(): Promise<BenchResult[]> {
  return withScratchDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    process.env.LOG_LEVEL = 'silent';
    const app = await createApiApp({ logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const ds = app.get(DataSource);
    await ensureReferenceData(ds);
    await seed(ds);
    const { token } = await createUser(app, [Role.handlaggare]);
    const [row] = await ds.query(`SELECT content FROM inriktningsbeslut WHERE status = 'antaget' LIMIT 1`);
    const draft: RuleSet = { ...row.content, id: 'utkast', validFrom: '2027-01-01' };
    draft.aidForms.mikrobidrag.maxPerDecision = 25_000;
    const http = request(app.getHttpServer());
    await http
      .post('/api/policy/what-if')
      .set('Authorization', `Bearer ${token}`)
      .send({ content: draft })
      .expect(201); // warm-up
    // Ceiling: the same evaluations in a bare loop, inputs already in memory.
    const { EvaluationInputService, PolicyService } = await import('@anslag/policy');
    const { GrantCase } = await import('@anslag/cases');
    const { evaluate } = await import('@anslag/rules');
    const cases = await ds.getRepository(GrantCase).find({ relations: { organisation: true } });
    const rules = await app.get(PolicyService).inForce('2026-06-01');
    const inputs = [...(await app.get(EvaluationInputService).build(cases, rules.rus)).values()];
    // Alternating, ROUNDS times each, the median of each side: one run of either swings with a collection
    // that happens to fall in it.
    const api: number[] = [];
    const loop: number[] = [];
    let res: { body: { openCases: number; changedCases: number } } | undefined;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = process.hrtime.bigint();
      res = await http
        .post('/api/policy/what-if')
        .set('Authorization', `Bearer ${token}`)
        .send({ content: draft })
        .expect(201);
      api.push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (res.body.openCases !== OPEN_CASES) throw new Error(`what-if saw ${res.body.openCases} cases`);
      const t1 = process.hrtime.bigint();
      for (const input of inputs) {
        evaluate(input, draft, rules.rus);
        evaluate(input, rules.ruleSet, rules.rus);
      }
      loop.push(Number(process.hrtime.bigint() - t1) / 1e9);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const seconds = median(api);
    const bare = median(loop);
    await app.close();
    return [
      {
        name: `what-if over ${OPEN_CASES} open cases (POST /api/policy/what-if, end to end) vs the same 2 × ${OPEN_CASES} evaluations in a bare loop`,
        figure: Math.round(seconds * 1000),
        unit: 'ms',
        ceiling: Math.round(bare * 1000),
        ratio: bare / seconds,
        note: `target under 2000 ms; ${res!.body.changedCases} cases change under the draft; median of ${ROUNDS} alternating runs of each`,
      },
    ];
  });
}
