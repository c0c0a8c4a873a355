import { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerRecovered1796800000002 implements MigrationInterface {
  name = 'LedgerRecovered1796800000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger"
            ADD "recovered_sek" bigint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger"
            ADD "recovered_eur" integer NOT NULL DEFAULT '0'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger" DROP COLUMN "recovered_eur"
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger" DROP COLUMN "recovered_sek"
        `);
  }
}
