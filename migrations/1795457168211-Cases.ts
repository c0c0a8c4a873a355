import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795457168211 implements MigrationInterface {
  name = 'Cases1795457168211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "region_setting" (
                "key" text NOT NULL,
                "value" jsonb NOT NULL,
                CONSTRAINT "PK_5a542fc1c8bdb14fd4357bb3143" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "organisation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisationsnummer" text NOT NULL,
                "name" text NOT NULL,
                "street_address" text NOT NULL,
                "postal_code" text NOT NULL,
                "city" text NOT NULL,
                "kommun_code" text,
                "in_tatort" boolean NOT NULL DEFAULT false,
                "legal_form" text NOT NULL,
                "employees" integer,
                "fte_hundredths" integer,
                "run_by" text,
                "born_outside_nordics" boolean,
                "bransch" text,
                "sni_code" text,
                "data_note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_a9c25a002190b2b7b04bc90ef0c" UNIQUE ("organisationsnummer"),
                CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "budget_line" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "code" text NOT NULL,
                "label" text,
                "year" integer,
                "amount" bigint NOT NULL,
                "financing_form" text,
                "cost_type" text,
                "dated" date,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_18b9f7e8a4626eb7f1fd4a63f57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c5c4cffabcb6ce765419263368" ON "budget_line" ("case_id", "kind")
        `);
    await queryRunner.query(`
            CREATE TABLE "de_minimis_declaration" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "grantor" text NOT NULL,
                "granted_on" date NOT NULL,
                "amount" bigint NOT NULL,
                "currency" text NOT NULL,
                CONSTRAINT "PK_14109bf9e0f6095b592cdf8bcd8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "grant_case" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "diarienummer" text,
                "nyps_id" text,
                "track" text NOT NULL,
                "status" text NOT NULL DEFAULT 'utkast',
                "organisation_id" uuid NOT NULL,
                "title" text NOT NULL,
                "aid_form" text,
                "aid_subform" text,
                "amount_applied" bigint,
                "description" text,
                "period_start" date,
                "period_end" date,
                "forstudie" boolean NOT NULL DEFAULT false,
                "eu_cofinancing" boolean NOT NULL DEFAULT false,
                "builds_on_earlier" boolean NOT NULL DEFAULT false,
                "rus_areas" text array NOT NULL DEFAULT '{}',
                "effektmal" text array NOT NULL DEFAULT '{}',
                "sections" jsonb NOT NULL DEFAULT '{}',
                "rus_version" text,
                "planned_start" date,
                "collective_agreement" boolean,
                "priority_claims" text array NOT NULL DEFAULT '{}',
                "secrecy_marking" text,
                "received_at" TIMESTAMP WITH TIME ZONE,
                "registered_at" TIMESTAMP WITH TIME ZONE,
                "registration_date" date,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "UQ_4046dadaa9eedb2b250751cea47" UNIQUE ("diarienummer"),
                CONSTRAINT "PK_ccfc7c38f0d10a4fc070608c368" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_20737e71056ee35a0cac3f4ec6" ON "grant_case" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_11f9b94cb862bdfc923d4b59bb" ON "grant_case" ("organisation_id", "registered_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_788d1cd2eb26ddf92713616cb6" ON "grant_case" ("aid_form", "registered_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_70a0766d3f6f6e20c77c4401e8" ON "grant_case" ("status", "registered_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "municipality" (
                "code" text NOT NULL,
                "name" text NOT NULL,
                CONSTRAINT "UQ_2b5ccf3ba4eff316a528f74c08a" UNIQUE ("name"),
                CONSTRAINT "PK_f01eb47e7b81481ca5a146a786d" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "diarienummer_series" (
                "prefix" text NOT NULL,
                "next_number" integer NOT NULL,
                CONSTRAINT "PK_f3588c09b011e581a6e6f8c908a" PRIMARY KEY ("prefix")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "catalogue_entry" (
                "kind" text NOT NULL,
                "code" text NOT NULL,
                "name" text NOT NULL,
                "sector" text,
                "region_grant" boolean NOT NULL DEFAULT false,
                "parent" text,
                "active" boolean NOT NULL DEFAULT true,
                "sort_order" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_c3200b15ad506828d8c6e180ec7" PRIMARY KEY ("kind", "code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "case_history" (
                "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                "case_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_name" text NOT NULL,
                "action" text NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "reason" text,
                CONSTRAINT "PK_c3afb6b822ee2a4b1602b33d595" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_39a753b46cb98b9c09b7a0e1fc" ON "case_history" ("case_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "attachment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "filename" text NOT NULL,
                "content_type" text NOT NULL,
                "size" integer NOT NULL,
                "sha256" text NOT NULL,
                "content" bytea NOT NULL,
                "secrecy_marking" text,
                "uploaded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6f48ddf75337684103abad877e" ON "attachment" ("case_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "account" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" text NOT NULL,
                "display_name" text NOT NULL,
                "title" text,
                "password_hash" text,
                "roles" text array NOT NULL DEFAULT '{}',
                "organisation_ids" uuid array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_41dfcb70af895ddf9a53094515b" UNIQUE ("username"),
                CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line"
            ADD CONSTRAINT "FK_d04bf5f7fecf5662e4058e29223" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration"
            ADD CONSTRAINT "FK_2640c9c2d23b9e454a5a87ad342" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD CONSTRAINT "FK_7e670c378f49d1736b0cdbb5c66" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Not expressible as TypeORM metadata (declared with synchronize: false on the entities):
    // the history is append-only at the database level, and the officers' search has its indexes.
    await queryRunner.query(`
            CREATE FUNCTION case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'case_history is append-only';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER case_history_no_change BEFORE UPDATE OR DELETE ON "case_history"
            FOR EACH ROW EXECUTE FUNCTION case_history_append_only()
        `);
    await queryRunner.query(`
            CREATE TRIGGER case_history_no_truncate BEFORE TRUNCATE ON "case_history"
            FOR EACH STATEMENT EXECUTE FUNCTION case_history_append_only()
        `);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_name_trgm" ON "organisation" USING gin ("name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_diarienummer_prefix" ON "grant_case" ("diarienummer" text_pattern_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_grant_case_diarienummer_prefix"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_organisation_name_trgm"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS case_history_no_truncate ON "case_history"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS case_history_no_change ON "case_history"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS case_history_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP CONSTRAINT "FK_7e670c378f49d1736b0cdbb5c66"
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration" DROP CONSTRAINT "FK_2640c9c2d23b9e454a5a87ad342"
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line" DROP CONSTRAINT "FK_d04bf5f7fecf5662e4058e29223"
        `);
    await queryRunner.query(`
            DROP TABLE "account"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6f48ddf75337684103abad877e"
        `);
    await queryRunner.query(`
            DROP TABLE "attachment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_39a753b46cb98b9c09b7a0e1fc"
        `);
    await queryRunner.query(`
            DROP TABLE "case_history"
        `);
    await queryRunner.query(`
            DROP TABLE "catalogue_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "diarienummer_series"
        `);
    await queryRunner.query(`
            DROP TABLE "municipality"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_70a0766d3f6f6e20c77c4401e8"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_788d1cd2eb26ddf92713616cb6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_11f9b94cb862bdfc923d4b59bb"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_20737e71056ee35a0cac3f4ec6"
        `);
    await queryRunner.query(`
            DROP TABLE "grant_case"
        `);
    await queryRunner.query(`
            DROP TABLE "de_minimis_declaration"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c5c4cffabcb6ce765419263368"
        `);
    await queryRunner.query(`
            DROP TABLE "budget_line"
        `);
    await queryRunner.query(`
            DROP TABLE "organisation"
        `);
    await queryRunner.query(`
            DROP TABLE "region_setting"
        `);
  }
}
