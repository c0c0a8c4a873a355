import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@anslag/database';
import { FRAME_USAGE_SQL } from '@anslag/policy';
import { DELEGATION_REPORT_SQL, delegationReportParams, FOLLOW_UP_DECISIONS_SQL } from '@anslag/reports';
import { createOrganisation, ensureReferenceData, PrivateDatabase } from '@anslag/testing';
import { insertSignedDecision } from '../libs/reports/src/testing';

interface PlanNode {
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/**
 * The statements over chains of decisions (a decision and its change decisions: the frames' usage, the
 * follow-up, the delegation report) read each decision a bounded number of times, in a young database
 * that has no statistics yet (as a new region's, or a test's, before its first ANALYZE): joined on "the
 * decision itself or a change of it", the planner probed every signed decision once per decision, and
 * the reads grew with the square of the year's decisions. Counted from the plans' actual rows.
 */
describe('decision chains: reads without statistics', () => {
  let db: PrivateDatabase;
  let ds: DataSource;
  const SIGNED = 40;
  let indexes: string[];

  beforeAll(async () => {
    db = await PrivateDatabase.create();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    await ensureReferenceData(ds);
    const orgs = await Promise.all([0, 1, 2, 3].map(() => createOrganisation(ds)));
    const signed = [];
    for (let i = 0; i < SIGNED; i++)
      signed.push(
        await insertSignedDecision(ds, {
          organisationId: orgs[i % 4].id,
          decisionDate: `2039-0${1 + (i % 9)}-10`,
          aidForm: 'mikrobidrag',
          amount: 10_000 + i,
        }),
      );
    for (const s of signed.slice(0, 4))
      await insertSignedDecision(ds, {
        organisationId: orgs[0].id,
        decisionDate: '2039-11-20',
        aidForm: 'mikrobidrag',
        amount: 5_000,
        amends: s,
      });
    indexes = (await ds.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'decision'`)).map(
      (r: { indexname: string }) => r.indexname,
    );
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Rows read from the decision table and its indexes, over every loop of every node of the plan. */
  const decisionReads = async (sql: string, params: unknown[]): Promise<number> => {
    const [{ 'QUERY PLAN': plans }] = await ds.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const sum = (n: PlanNode): number =>
      (n['Relation Name'] === 'decision' || indexes.includes(n['Index Name'] ?? '')
        ? n['Actual Rows'] * n['Actual Loops']
        : 0) + (n.Plans ?? []).reduce((s, c) => s + sum(c), 0);
    return sum(plans[0].Plan);
  };

  it('reads each decision a few times, not once per other decision', async () => {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'decision' AND schemaname = 'public'`,
    );
    expect(n).toBe(0); // no statistics: the case this is about
    const all = SIGNED + 4;
    expect(await decisionReads(FRAME_USAGE_SQL, ['2039-01-01', '2039-12-31'])).toBeLessThanOrEqual(4 * all);
    expect(await decisionReads(FOLLOW_UP_DECISIONS_SQL, ['2038-01-01', '2039-12-31'])).toBeLessThanOrEqual(
      4 * all,
    );
    const report = delegationReportParams({
      from: '2039-01-01',
      to: '2039-12-31',
      point: null,
      onlyUnreported: false,
    });
    expect(await decisionReads(DELEGATION_REPORT_SQL, report)).toBeLessThanOrEqual(4 * all);
  });
});
