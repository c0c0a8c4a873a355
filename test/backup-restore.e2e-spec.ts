/**
 * The backup and restore of the README (pg_dump in the custom format, pg_restore into an empty
 * database) keeps everything: every case, decision, history row and letter with its SHA-256, and the
 * guards (append-only history, immutable signed decisions, foreign keys).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@anslag/database';
import { DecisionLetterJob } from '@anslag/letters';
import { ensureReferenceData, PrivateDatabase } from '@anslag/testing';
import { signedProjectDecision } from './letters-support';

async function contents(ds: DataSource) {
  const q = async (sql: string) => (await ds.query(sql)) as unknown[];
  return {
    cases: await q(`SELECT id, diarienummer, status, title, organisation_id FROM grant_case ORDER BY id`),
    budget: await q(`SELECT md5(string_agg(b::text, '|' ORDER BY b.id)) AS h FROM budget_line b`),
    decisions: await q(
      `SELECT id, case_id, status, amount, signed_at, signed_by_name FROM decision ORDER BY id`,
    ),
    history: await q(`SELECT id, case_id, action, md5(h::text) AS h FROM case_history h ORDER BY id`),
    letters: await q(
      `SELECT decision_id, status, sha256, encode(sha256(pdf), 'hex') AS pdf_sha256, size FROM decision_letter ORDER BY decision_id`,
    ),
    outbox: await q(`SELECT id, topic, aggregate_id, relayed_at FROM outbox ORDER BY id`),
    migrations: await q(`SELECT name FROM migrations ORDER BY id`),
  };
}

describe('backup and restore', () => {
  let source: PrivateDatabase;
  let dir: string;
  const restoredName = `${process.env.ANSLAG_TEST_DB ?? 'anslag_test'}_restored_${Date.now()}`;
  const admin = () => {
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = '/postgres';
    return u.toString();
  };
  const restoredUrl = () => {
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${restoredName}`;
    return u.toString();
  };

  beforeAll(async () => {
    source = await PrivateDatabase.create();
    dir = mkdtempSync(join(tmpdir(), 'anslag-backup-'));
  });
  afterAll(async () => {
    await source?.drop();
    const c = new Client({ connectionString: admin() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every case, decision, history row and letter with its SHA-256, and the guards', async () => {
    const ds = new DataSource(dataSourceOptions(source.url));
    await ds.initialize();
    await ensureReferenceData(ds);
    const ids = [await signedProjectDecision(ds), await signedProjectDecision(ds, 'kottaberget')];
    for (const id of ids) await new DecisionLetterJob(ds).run(id, true);
    const [{ case_id: caseId }] = await ds.query('SELECT case_id FROM decision WHERE id = $1', [ids[0]]);
    await ds.query(
      `INSERT INTO case_history (case_id, actor_name, action, after) VALUES ($1, 'Test', 'beslutad', '{"status":"beslutad"}')`,
      [caseId],
    );
    const before = await contents(ds);
    await ds.destroy();
    expect(before.letters).toHaveLength(2);
    for (const l of before.letters as { status: string; sha256: string; pdf_sha256: string }[]) {
      expect(l.status).toBe('done');
      expect(l.sha256).toBe(l.pdf_sha256);
    }

    // The commands of the README's "Backup and restore".
    const file = join(dir, 'anslag.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${source.url}`]);
    const c = new Client({ connectionString: admin() });
    await c.connect();
    await c.query(`CREATE DATABASE "${restoredName}"`);
    await c.end();
    execFileSync('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${restoredUrl()}`, file]);

    const restored = new DataSource(dataSourceOptions(restoredUrl(), { logging: false }));
    await restored.initialize();
    try {
      expect(await contents(restored)).toEqual(before);
      await expect(restored.query('DELETE FROM case_history WHERE case_id = $1', [caseId])).rejects.toThrow(
        /append-only/,
      );
      await expect(restored.query('UPDATE decision SET amount = 1 WHERE id = $1', [ids[0]])).rejects.toThrow(
        /immutable/,
      );
      await expect(
        restored.query(
          `INSERT INTO decision_letter (decision_id) VALUES ('00000000-0000-4000-8000-000000000000')`,
        ),
      ).rejects.toThrow(/foreign key/);
      // The restored database is current: nothing left to migrate.
      expect(await restored.showMigrations()).toBe(false);
    } finally {
      await restored.destroy();
    }
  });
});
