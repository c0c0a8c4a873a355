import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification on the channel `outbox` when a row becomes pending (written, or asked for again), sent
 * by PostgreSQL at the commit of the transaction that wrote it: the workers' outbox relays listen and
 * move the row at once instead of at their next poll. Identical notifications of one transaction are
 * delivered once, so a statement writing many rows wakes each relay once. The poll stays, for a relay
 * whose listening connection is away.
 */
export class OutboxNotify1797030000000 implements MigrationInterface {
  name = 'OutboxNotify1797030000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION outbox_pending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "outbox_pending" AFTER INSERT OR UPDATE OF "relayed_at" ON "outbox"
       FOR EACH ROW WHEN (NEW.relayed_at IS NULL) EXECUTE FUNCTION outbox_pending()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "outbox_pending" ON "outbox"`);
    await queryRunner.query(`DROP FUNCTION outbox_pending()`);
  }
}
