import { MigrationInterface, QueryRunner } from 'typeorm';

export class SingleUndertakingRatesFacts1796300000000 implements MigrationInterface {
  name = 'SingleUndertakingRatesFacts1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "exchange_rate" (
                "month" text NOT NULL,
                "ore_per_eur" integer NOT NULL,
                "source" text NOT NULL,
                "loaded_by" uuid,
                "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2a178c7d55b423f64cac240ae3c" PRIMARY KEY ("month")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "organisation_link" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "linked_organisationsnummer" text NOT NULL,
                "linked_name" text NOT NULL,
                "relation" text NOT NULL,
                "recorded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_71c73911763032a5693be37dde1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_949b6ffa6c3a0225b9e42f7a11" ON "organisation_link" ("linked_organisationsnummer")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_bab9841f62288a663c95a18be7" ON "organisation_link" ("organisation_id", "linked_organisationsnummer")
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD "de_minimis_regime" text
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD "de_minimis_ore_per_eur" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD "de_minimis_rate_month" date
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD "de_minimis_register_status" text
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration"
            ADD "regulation" text
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration"
            ADD "recipient" text
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD "state_aid_facts" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD "home_delivery" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD "service_area_attestation" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD "state_aid_assessment" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD "eu_basis" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP COLUMN "eu_basis"
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP COLUMN "state_aid_assessment"
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP COLUMN "service_area_attestation"
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP COLUMN "home_delivery"
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP COLUMN "state_aid_facts"
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration" DROP COLUMN "recipient"
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration" DROP COLUMN "regulation"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP COLUMN "de_minimis_register_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP COLUMN "de_minimis_rate_month"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP COLUMN "de_minimis_ore_per_eur"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP COLUMN "de_minimis_regime"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_bab9841f62288a663c95a18be7"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_949b6ffa6c3a0225b9e42f7a11"
        `);
    await queryRunner.query(`
            DROP TABLE "organisation_link"
        `);
    await queryRunner.query(`
            DROP TABLE "exchange_rate"
        `);
  }
}
