import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { loadConfig } from '@anslag/config';
import { dataSourceOptions } from './data-source-options';
import { readSideBySide } from './side-by-side';

/** Against the real PostgreSQL of DATABASE_URL; the reads touch no table, so any database will do. */
describe('readSideBySide', () => {
  const url = loadConfig().DATABASE_URL;
  let ds: DataSource;

  beforeAll(async () => {
    // A lock wait that never ends fails the test within seconds instead of hanging it.
    ds = new DataSource(
      dataSourceOptions(url, {
        entities: [],
        migrations: [],
        extra: { max: 5, application_name: 'anslag-side-by-side', options: '-c lock_timeout=10000' },
      }),
    );
    await ds.initialize();
  });
  afterAll(() => ds.destroy());

  /** A read that notes when it starts and ends; `sql` answers with `pid`, the server process it ran on. */
  const noted =
    (em: EntityManager, log: string[], name: string, sql: string, params: unknown[] = []) =>
    async (): Promise<number> => {
      log.push(`${name} starts`);
      const [row] = await em.query(sql, params);
      log.push(`${name} ends`);
      return row.pid;
    };

  it('sends the reads side by side through the data source: one waits for what another does', async () => {
    // A third session holds an advisory lock. The first read waits for it; only the second read, which
    // ends that session, lets the first go on. Run one after another, the first would wait in vain.
    const holder = new Client({ connectionString: url });
    await holder.connect();
    holder.on('error', () => undefined); // it is ended from the server side
    const key = 736_001_000 + Math.floor(Math.random() * 1000);
    await holder.query('SELECT pg_advisory_lock($1)', [key]);
    const [{ pid: holderPid }] = (await holder.query('SELECT pg_backend_pid() AS pid')).rows;
    try {
      const log: string[] = [];
      const em = ds.manager;
      const [a, b] = await readSideBySide(em, [
        noted(em, log, 'a', 'SELECT pg_backend_pid() AS pid, pg_advisory_xact_lock($1)', [key]),
        noted(em, log, 'b', 'SELECT pg_backend_pid() AS pid, pg_terminate_backend($1)', [holderPid]),
      ]);
      expect(a).not.toBe(b);
      expect(log.slice(0, 2)).toEqual(['a starts', 'b starts']);
    } finally {
      await holder.end().catch(() => undefined);
    }
  });

  it('runs them one after another on a transaction’s connection, which sees the transaction’s own rows', async () => {
    const log: string[] = [];
    const results = await ds.transaction(async (em) => {
      await em.query('CREATE TEMPORARY TABLE side_by_side_probe (n int) ON COMMIT DROP');
      await em.query('INSERT INTO side_by_side_probe VALUES (1), (2), (3)');
      // Only the transaction's own connection sees the temporary table.
      const count = 'SELECT pg_backend_pid() AS pid, count(*) FROM side_by_side_probe';
      const [own] = await em.query('SELECT pg_backend_pid() AS pid');
      const pids = await readSideBySide(em, [
        noted(em, log, 'a', count),
        noted(em, log, 'b', count),
        noted(em, log, 'c', count),
      ]);
      return { own: own.pid, pids };
    });
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
    expect(results.pids).toEqual([results.own, results.own, results.own]);
  });

  it('keeps the order of the answers, whichever read ends first', async () => {
    const answers = await readSideBySide(ds.manager, [
      async () => (await ds.query('SELECT pg_sleep(0.05), 1 AS n'))[0].n,
      async () => 'two',
      async () => (await ds.query('SELECT 3 AS n'))[0].n,
    ]);
    expect(answers).toEqual([1, 'two', 3]);
  });
});
