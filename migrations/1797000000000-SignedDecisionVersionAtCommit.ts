import { MigrationInterface, QueryRunner } from 'typeorm';

/** The row triggers that raise `signed_decision_version`, by table and events. */
const ROW_TRIGGERS = [
  { name: 'decision_signed_inserted', table: 'decision', on: 'INSERT', when: `NEW.status = 'signerat'` },
  {
    name: 'decision_signed_updated',
    table: 'decision',
    on: 'UPDATE',
    when: `OLD.status = 'signerat' OR NEW.status = 'signerat'`,
  },
  { name: 'decision_signed_deleted', table: 'decision', on: 'DELETE', when: `OLD.status = 'signerat'` },
];

/**
 * The counter of what signed decisions add up to (SignedDecisionVersion) is raised when the transaction
 * commits, not when the decision's row is written. Every signature raises the one row; raised at the
 * write, its lock was held through the rest of the signature (the letter's outbox row, the history, the
 * round trips to the api and the commit), and concurrent signatures for different firms queued behind
 * one another on it. Deferred constraint triggers raise it as the last thing before the commit, in the
 * same transaction, so readers still see the counter move together with the decisions, and the lock is
 * held for the commit only. The grant closures' trigger becomes a deferred row trigger too (a constraint
 * trigger is per row); TRUNCATE keeps its statement trigger.
 */
export class SignedDecisionVersionAtCommit1797000000000 implements MigrationInterface {
  name = 'SignedDecisionVersionAtCommit1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of ROW_TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "${t.name}" ON "${t.table}"`);
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "${t.name}" AFTER ${t.on} ON "${t.table}" DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW WHEN (${t.when}) EXECUTE FUNCTION signed_decision_changed()`,
      );
    }
    await queryRunner.query(`DROP TRIGGER "grant_closure_signed_changed" ON "grant_closure"`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "grant_closure_signed_changed" AFTER INSERT OR UPDATE OR DELETE ON "grant_closure"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION signed_decision_changed()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "grant_closure_signed_changed" ON "grant_closure"`);
    await queryRunner.query(
      `CREATE TRIGGER "grant_closure_signed_changed" AFTER INSERT OR UPDATE OR DELETE ON "grant_closure"
       FOR EACH STATEMENT EXECUTE FUNCTION signed_decision_changed()`,
    );
    for (const t of ROW_TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "${t.name}" ON "${t.table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "${t.name}" AFTER ${t.on} ON "${t.table}"
         FOR EACH ROW WHEN (${t.when}) EXECUTE FUNCTION signed_decision_changed()`,
      );
    }
  }
}
