import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The number of cases per status, kept as it changes: the officers' work queue shows it on every page, and
 * counting 100 000 cases per request was most of the queue's time. Changes add rows of differences
 * (`case_status_delta`, inserted by statement triggers on grant_case, so concurrent writers never wait on
 * one counter row); the api sums them, and folds them into one row per status when they pile up.
 */
export class CaseStatusCounts1796950000001 implements MigrationInterface {
  name = 'CaseStatusCounts1796950000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_status_delta" ("id" bigserial PRIMARY KEY, "status" text NOT NULL, "n" bigint NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "case_status_delta" ("status", "n") SELECT status, count(*) FROM grant_case GROUP BY status`,
    );
    await queryRunner.query(`
      CREATE FUNCTION case_status_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_status_delta (status, n) SELECT status, count(*) FROM new_rows GROUP BY status;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION case_status_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_status_delta (status, n) SELECT status, -count(*) FROM old_rows GROUP BY status;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION case_status_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_status_delta (status, n)
          SELECT status, sum(n) FROM (
            SELECT status, 1 AS n FROM new_rows UNION ALL SELECT status, -1 FROM old_rows
          ) d GROUP BY status HAVING sum(n) <> 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION case_status_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM case_status_delta;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "grant_case_status_inserted" AFTER INSERT ON "grant_case"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_inserted()`);
    await queryRunner.query(`CREATE TRIGGER "grant_case_status_deleted" AFTER DELETE ON "grant_case"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_deleted()`);
    await queryRunner.query(`CREATE TRIGGER "grant_case_status_updated" AFTER UPDATE ON "grant_case"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_updated()`);
    await queryRunner.query(`CREATE TRIGGER "grant_case_status_truncated" AFTER TRUNCATE ON "grant_case"
      FOR EACH STATEMENT EXECUTE FUNCTION case_status_truncated()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['inserted', 'deleted', 'updated', 'truncated'])
      await queryRunner.query(`DROP TRIGGER "grant_case_status_${t}" ON "grant_case"`);
    for (const t of ['inserted', 'deleted', 'updated', 'truncated'])
      await queryRunner.query(`DROP FUNCTION case_status_${t}()`);
    await queryRunner.query(`DROP TABLE "case_status_delta"`);
  }
}
