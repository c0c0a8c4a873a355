import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the code relies on, guarded by the schema: foreign keys on every reference, CHECKs on the closed
 * sets (status, outcome, kind, currency), a signed decision always with its signer and delegation point
 * (or the nämnd), one delegation point per code and period, an index for the declarations of a case.
 */
export class SchemaGuards1796700000000 implements MigrationInterface {
  name = 'SchemaGuards1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Equality on text inside a GiST exclusion (one delegation point per code and period).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
            CREATE INDEX "IDX_2640c9c2d23b9e454a5a87ad34" ON "de_minimis_declaration" ("case_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "inriktningsbeslut"
            ADD CONSTRAINT "chk_inriktningsbeslut_status" CHECK (status IN ('utkast', 'antaget', 'upphavt'))
        `);
    await queryRunner.query(`
            ALTER TABLE "decision_letter"
            ADD CONSTRAINT "chk_decision_letter_status" CHECK (
                    status IN ('queued', 'rendering', 'done', 'failed')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "chk_decision_signed" CHECK (
                    status <> 'signerat'
                    OR (
                        signed_at IS NOT NULL
                        AND signed_by_name IS NOT NULL
                        AND (
                            delegation_point IS NOT NULL
                            OR decided_by_namnd
                        )
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "chk_decision_kind" CHECK (kind IN ('beslut', 'andringsbeslut'))
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "chk_decision_outcome" CHECK (outcome IN ('bifall', 'delvis_bifall', 'avslag'))
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "chk_decision_status" CHECK (status IN ('utkast', 'signerat'))
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line"
            ADD CONSTRAINT "chk_budget_line_kind" CHECK (kind IN ('cost', 'financing', 'in_kind'))
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration"
            ADD CONSTRAINT "chk_de_minimis_declaration_currency" CHECK (currency IN ('SEK', 'EUR'))
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD CONSTRAINT "chk_grant_case_track" CHECK (track IN ('projekt', 'foretagsstod'))
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD CONSTRAINT "chk_grant_case_status" CHECK (
                    status IN (
                        'utkast',
                        'inskickad',
                        'under_handlaggning',
                        'komplettering_begard',
                        'komplettering_inkommen',
                        'beslutad',
                        'aterkallad',
                        'avslutad'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "delegation_point"
            ADD CONSTRAINT "excl_delegation_point_period" EXCLUDE USING gist (
                    point WITH =,
                    daterange(valid_from, valid_to, '[]') WITH &&
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "decision_letter"
            ADD CONSTRAINT "FK_d027812dcb2d5a4ac347f1aa976" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_evaluation"
            ADD CONSTRAINT "FK_4e868d967de8a4035e063bc6088" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_evaluation"
            ADD CONSTRAINT "FK_c09754c200b9069ac4d4e2ad568" FOREIGN KEY ("inriktningsbeslut_id") REFERENCES "inriktningsbeslut"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "FK_52e1308e9e3bcdfdbc4407a9a05" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "FK_4b0e4dfe07fa3867445d1181f63" FOREIGN KEY ("amends_decision_id") REFERENCES "decision"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "FK_b011fab295c52cbcfe01aea6e36" FOREIGN KEY ("evaluation_id") REFERENCES "case_evaluation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "FK_2d3985820cc34e0eb6adcbf71e2" FOREIGN KEY ("reported_in") REFERENCES "report_presentation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger"
            ADD CONSTRAINT "FK_514ef59b21662c37f83cd79b7b4" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger"
            ADD CONSTRAINT "FK_ca0935630504d74c06106d0552e" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_of_interest"
            ADD CONSTRAINT "FK_87334b547980dddcb495b8e10ed" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_of_interest"
            ADD CONSTRAINT "FK_07c62e1a539f10d6f9116643ed0" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "personal_data_access"
            ADD CONSTRAINT "FK_22d2d0a143f5b989640cee21278" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "personal_data_access"
            ADD CONSTRAINT "FK_12d1fb77ada8bf3e97ffcfa5bdc" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_history"
            ADD CONSTRAINT "FK_1937794dfd1e529ffff95f16630" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD CONSTRAINT "FK_8d275604024969976deea609584" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "attachment" DROP CONSTRAINT "FK_8d275604024969976deea609584"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_history" DROP CONSTRAINT "FK_1937794dfd1e529ffff95f16630"
        `);
    await queryRunner.query(`
            ALTER TABLE "personal_data_access" DROP CONSTRAINT "FK_12d1fb77ada8bf3e97ffcfa5bdc"
        `);
    await queryRunner.query(`
            ALTER TABLE "personal_data_access" DROP CONSTRAINT "FK_22d2d0a143f5b989640cee21278"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_of_interest" DROP CONSTRAINT "FK_07c62e1a539f10d6f9116643ed0"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_of_interest" DROP CONSTRAINT "FK_87334b547980dddcb495b8e10ed"
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger" DROP CONSTRAINT "FK_ca0935630504d74c06106d0552e"
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_ledger" DROP CONSTRAINT "FK_514ef59b21662c37f83cd79b7b4"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "FK_2d3985820cc34e0eb6adcbf71e2"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "FK_b011fab295c52cbcfe01aea6e36"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "FK_4b0e4dfe07fa3867445d1181f63"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "FK_52e1308e9e3bcdfdbc4407a9a05"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_evaluation" DROP CONSTRAINT "FK_c09754c200b9069ac4d4e2ad568"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_evaluation" DROP CONSTRAINT "FK_4e868d967de8a4035e063bc6088"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision_letter" DROP CONSTRAINT "FK_d027812dcb2d5a4ac347f1aa976"
        `);
    await queryRunner.query(`
            ALTER TABLE "delegation_point" DROP CONSTRAINT "excl_delegation_point_period"
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP CONSTRAINT "chk_grant_case_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP CONSTRAINT "chk_grant_case_track"
        `);
    await queryRunner.query(`
            ALTER TABLE "de_minimis_declaration" DROP CONSTRAINT "chk_de_minimis_declaration_currency"
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line" DROP CONSTRAINT "chk_budget_line_kind"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "chk_decision_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "chk_decision_outcome"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "chk_decision_kind"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "chk_decision_signed"
        `);
    await queryRunner.query(`
            ALTER TABLE "decision_letter" DROP CONSTRAINT "chk_decision_letter_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "inriktningsbeslut" DROP CONSTRAINT "chk_inriktningsbeslut_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2640c9c2d23b9e454a5a87ad34"
        `);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
