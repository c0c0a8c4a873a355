import { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionCoSigners1795461798203 implements MigrationInterface {
  name = 'DecisionCoSigners1795461798203';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD "co_signers" jsonb NOT NULL DEFAULT '[]'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "decision" DROP COLUMN "co_signers"
        `);
  }
}
