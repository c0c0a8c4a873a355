import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One counter for what signed decisions add up to (the frames' usage, which the api keeps in memory:
 * libs/database SignedDecisionCache). Raised in the same transaction as a signature, any change to a
 * signed decision (an amendment signed, an annulment) and any change to a grant's closure (what it
 * released), through the api or not; a draft written or changed does not move it. Every api instance
 * compares it with the counter its usage was loaded at, so a decision signed through one instance counts
 * in every other one's frames from the commit on.
 */
export class SignedDecisionVersion1796990000000 implements MigrationInterface {
  name = 'SignedDecisionVersion1796990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "signed_decision_version" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "version" bigint NOT NULL)`,
    );
    await queryRunner.query(`INSERT INTO "signed_decision_version" ("id", "version") VALUES (1, 1)`);
    await queryRunner.query(`
      CREATE FUNCTION signed_decision_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE signed_decision_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    // Per row, so that drafts (most of the writes to the table) leave the counter alone.
    await queryRunner.query(
      `CREATE TRIGGER "decision_signed_inserted" AFTER INSERT ON "decision"
       FOR EACH ROW WHEN (NEW.status = 'signerat') EXECUTE FUNCTION signed_decision_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "decision_signed_updated" AFTER UPDATE ON "decision"
       FOR EACH ROW WHEN (OLD.status = 'signerat' OR NEW.status = 'signerat') EXECUTE FUNCTION signed_decision_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "decision_signed_deleted" AFTER DELETE ON "decision"
       FOR EACH ROW WHEN (OLD.status = 'signerat') EXECUTE FUNCTION signed_decision_changed()`,
    );
    for (const table of ['decision', 'grant_closure'])
      await queryRunner.query(
        `CREATE TRIGGER "${table}_truncated_signed" AFTER TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION signed_decision_changed()`,
      );
    await queryRunner.query(
      `CREATE TRIGGER "grant_closure_signed_changed" AFTER INSERT OR UPDATE OR DELETE ON "grant_closure"
       FOR EACH STATEMENT EXECUTE FUNCTION signed_decision_changed()`,
    );
    // The app's role reads the counter and raises it through the triggers; it never deletes it.
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "signed_decision_version" FROM anslag_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "grant_closure_signed_changed" ON "grant_closure"`);
    for (const table of ['decision', 'grant_closure'])
      await queryRunner.query(`DROP TRIGGER "${table}_truncated_signed" ON "${table}"`);
    for (const name of ['decision_signed_inserted', 'decision_signed_updated', 'decision_signed_deleted'])
      await queryRunner.query(`DROP TRIGGER "${name}" ON "decision"`);
    await queryRunner.query(`DROP FUNCTION signed_decision_changed()`);
    await queryRunner.query(`DROP TABLE "signed_decision_version"`);
  }
}
