import { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionReturned1796930000000 implements MigrationInterface {
  name = 'DecisionReturned1796930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision" ADD "returned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "decision" ADD "returned_by" uuid`);
    await queryRunner.query(`ALTER TABLE "decision" ADD "return_comment" text`);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "chk_decision_returned" CHECK (
                    returned_at IS NULL
                    OR (
                        status = 'utkast'
                        AND returned_by IS NOT NULL
                        AND return_comment IS NOT NULL
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "chk_decision_returned"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP COLUMN "return_comment"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP COLUMN "returned_by"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP COLUMN "returned_at"`);
  }
}
