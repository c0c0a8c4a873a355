import { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionReportIndexes1795459180134 implements MigrationInterface {
  name = 'DecisionReportIndexes1795459180134';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "idx_decision_delegated_by_date" ON "decision" ("decision_date")
            WHERE status = 'signerat'
                AND NOT decided_by_namnd
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4b0e4dfe07fa3867445d1181f6" ON "decision" ("amends_decision_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4b0e4dfe07fa3867445d1181f6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_decision_delegated_by_date"
        `);
  }
}
