import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History entries carry who may read them (the applicant sees only `public` ones), and a decision has at
 * most one open change decision at a time.
 */
export class HistoryVisibilityOneOpenChange1796400000000 implements MigrationInterface {
  name = 'HistoryVisibilityOneOpenChange1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "case_history"
            ADD "visibility" text NOT NULL DEFAULT 'internal'
        `);
    // Entries written before the column: what the parties were told is public, the rest stays internal.
    await queryRunner.query(`ALTER TABLE "case_history" DISABLE TRIGGER case_history_no_change`);
    await queryRunner.query(`
            UPDATE "case_history" SET "visibility" = 'public'
            WHERE "action" IN ('skapad', 'ändrad', 'bilaga_tillagd', 'beslut_fattat', 'ändringsbeslut_fattat',
                               'skicka_in', 'paborja_handlaggning', 'begar_komplettering', 'lamna_komplettering',
                               'ateruppta_handlaggning', 'aterkalla')
        `);
    await queryRunner.query(`ALTER TABLE "case_history" ENABLE TRIGGER case_history_no_change`);
    // Of open change decisions of one decision drafted before this rule, the newest is kept.
    await queryRunner.query(`
            DELETE FROM "decision" d USING "decision" newer
            WHERE d.kind = 'andringsbeslut' AND d.status = 'utkast'
              AND newer.kind = 'andringsbeslut' AND newer.status = 'utkast'
              AND newer.amends_decision_id = d.amends_decision_id
              AND (newer.created_at, newer.id) > (d.created_at, d.id)
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_decision_open_change" ON "decision" ("amends_decision_id")
            WHERE status = 'utkast'
                AND kind = 'andringsbeslut'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_decision_open_change"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_history" DROP COLUMN "visibility"
        `);
  }
}
