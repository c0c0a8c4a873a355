import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions keep what the reports show (a snapshot taken when signed); presented reports are stored;
 * organisation changes have a history; the tätort is derived from the address; delegation points name
 * substitutes; the nämnd's decisions record the caps they go beyond.
 */
export class DecisionsThatHoldUp1796200000000 implements MigrationInterface {
  name = 'DecisionsThatHoldUp1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision" ADD "snapshot" jsonb`);
    await queryRunner.query(`ALTER TABLE "decision" ADD "caps_exceeded" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "decision" ADD "substitute_for" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "delegation_point" ADD "substitute_account_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "in_tatort_basis" text NOT NULL DEFAULT 'postnummer'`,
    );
    await queryRunner.query(`ALTER TABLE "report_presentation" ADD "document" jsonb`);
    await queryRunner.query(`ALTER TABLE "report_presentation" ADD "hashes" jsonb`);
    await queryRunner.query(`
            CREATE TABLE "report_presentation_file" (
                "presentation_id" uuid NOT NULL,
                "variant" text NOT NULL,
                "content_type" text NOT NULL,
                "content" bytea NOT NULL,
                CONSTRAINT "PK_report_presentation_file" PRIMARY KEY ("presentation_id", "variant")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "organisation_history" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "organisation_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_name" text NOT NULL,
                "action" text NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "reason" text,
                CONSTRAINT "PK_organisation_history" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_organisation_history_org" ON "organisation_history" ("organisation_id", "id")`,
    );
    // Append-only, like the case history (the function is the personal data log's).
    await queryRunner.query(`
            CREATE TRIGGER organisation_history_no_change BEFORE UPDATE OR DELETE ON "organisation_history"
            FOR EACH ROW EXECUTE FUNCTION append_only()
        `);
    await queryRunner.query(`
            CREATE TRIGGER organisation_history_no_truncate BEFORE TRUNCATE ON "organisation_history"
            FOR EACH STATEMENT EXECUTE FUNCTION append_only()
        `);
    // What the delegation report and the follow-up show of a decision, as it was when signed. Taken by
    // the database whenever a decision becomes signed (by the signing service, the nämnd's record, an
    // import), so no signed decision is without one.
    await queryRunner.query(`
            CREATE FUNCTION decision_snapshot(p_case uuid, p_aid_form text) RETURNS jsonb LANGUAGE sql STABLE AS $$
                SELECT jsonb_build_object(
                    'organisationsnummer', o.organisationsnummer,
                    'name', o.name,
                    'branschPrioritering', COALESCE(o.bransch, CASE WHEN gc.track = 'projekt' THEN gc.title END, ''),
                    'runBy', o.run_by,
                    'legalForm', o.legal_form,
                    'kommunCode', o.kommun_code,
                    'kommun', mu.name,
                    'aidForm', x.af,
                    'stod', COALESCE(sub.name, form.name),
                    'track', gc.track,
                    'miljo', 'miljo' = ANY(gc.priority_claims)
                )
                FROM grant_case gc
                JOIN organisation o ON o.id = gc.organisation_id
                LEFT JOIN municipality mu ON mu.code = o.kommun_code
                CROSS JOIN LATERAL (
                    SELECT COALESCE(p_aid_form, gc.aid_form || COALESCE('/' || gc.aid_subform, '')) AS af
                ) x
                LEFT JOIN catalogue_entry form ON form.kind = 'aid_form' AND form.code = split_part(x.af, '/', 1)
                LEFT JOIN catalogue_entry sub ON sub.kind = 'aid_subform' AND split_part(x.af, '/', 2) <> ''
                    AND sub.code = split_part(x.af, '/', 2) AND sub.parent = split_part(x.af, '/', 1)
                WHERE gc.id = p_case
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION decision_take_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.status = 'signerat' AND NEW.snapshot IS NULL THEN
                    NEW.snapshot := decision_snapshot(NEW.case_id, NEW.aid_form);
                END IF;
                RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER decision_snapshot_on_sign BEFORE INSERT OR UPDATE ON "decision"
            FOR EACH ROW EXECUTE FUNCTION decision_take_snapshot()
        `);
    // Decisions signed before this migration get the snapshot of today's rows: the best there is.
    await queryRunner.query(`ALTER TABLE "decision" DISABLE TRIGGER decision_immutable`);
    await queryRunner.query(
      `UPDATE "decision" SET snapshot = decision_snapshot(case_id, aid_form) WHERE status = 'signerat'`,
    );
    await queryRunner.query(`ALTER TABLE "decision" ENABLE TRIGGER decision_immutable`);
    await queryRunner.query(`
            ALTER TABLE "decision" ADD CONSTRAINT "CHK_decision_signed_snapshot"
            CHECK (status <> 'signerat' OR snapshot IS NOT NULL)
        `);
    // Per-company caps and the de minimis ledger follow the legal person: earlier grants are found by
    // the organisationsnummer each decision was taken for.
    await queryRunner.query(`
            CREATE INDEX "idx_decision_signed_orgnr" ON "decision" ((snapshot ->> 'organisationsnummer'))
            WHERE status = 'signerat'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_decision_signed_orgnr"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "CHK_decision_signed_snapshot"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS decision_snapshot_on_sign ON "decision"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS decision_take_snapshot()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS decision_snapshot(uuid, text)`);
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS organisation_history_no_truncate ON "organisation_history"`,
    );
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS organisation_history_no_change ON "organisation_history"`,
    );
    await queryRunner.query(`DROP TABLE "organisation_history"`);
    await queryRunner.query(`DROP TABLE "report_presentation_file"`);
    await queryRunner.query(`ALTER TABLE "report_presentation" DROP COLUMN "hashes"`);
    await queryRunner.query(`ALTER TABLE "report_presentation" DROP COLUMN "document"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "in_tatort_basis"`);
    await queryRunner.query(`ALTER TABLE "delegation_point" DROP COLUMN "substitute_account_ids"`);
    // Dropping columns of signed decisions is a schema change, not a change of a decision.
    await queryRunner.query(`ALTER TABLE "decision" DISABLE TRIGGER decision_immutable`);
    await queryRunner.query(`ALTER TABLE "decision" DROP COLUMN "substitute_for"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP COLUMN "caps_exceeded"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP COLUMN "snapshot"`);
    await queryRunner.query(`ALTER TABLE "decision" ENABLE TRIGGER decision_immutable`);
  }
}
