import { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1796800000000 implements MigrationInterface {
  name = 'Payments1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "reporting_schedule_item" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "decision_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "kind" text NOT NULL,
                "period_from" date NOT NULL,
                "period_to" date NOT NULL,
                "due_date" date NOT NULL,
                "override_reason" text,
                CONSTRAINT "chk_schedule_kind" CHECK (kind IN ('lagesrapport', 'slutrapport')),
                CONSTRAINT "PK_589b8602ace986d6932de60460d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b7b1ea60c04cf70917e056de27" ON "reporting_schedule_item" ("due_date")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_af6771f393611c9f0d6ac8d64d" ON "reporting_schedule_item" ("decision_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "recovery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "decision_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'utkast',
                "grounds_code" text NOT NULL,
                "grounds_text" text NOT NULL,
                "amount" bigint NOT NULL,
                "interest_from" date NOT NULL,
                "interest_to" date,
                "interest_lines" jsonb NOT NULL DEFAULT '[]',
                "interest" bigint NOT NULL DEFAULT '0',
                "settlement" text NOT NULL,
                "drafted_by" uuid NOT NULL,
                "decided_by" uuid,
                "decided_by_name" text,
                "decision_date" date,
                "settled_on" date,
                "settled_reference" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_recovery_amounts" CHECK (
                    amount > 0
                    AND interest >= 0
                ),
                CONSTRAINT "chk_recovery_settlement" CHECK (settlement IN ('kvittning', 'faktura')),
                CONSTRAINT "chk_recovery_status" CHECK (status IN ('utkast', 'beslutad', 'reglerad')),
                CONSTRAINT "PK_47b2530af2d597ff1b210847140" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0c54efa0541498216ae8afc9b0" ON "recovery" ("decision_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "payment_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "decision_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "kind" text NOT NULL,
                "period_from" date NOT NULL,
                "period_to" date NOT NULL,
                "status" text NOT NULL DEFAULT 'utkast',
                "report_text" text NOT NULL DEFAULT '',
                "indicators" jsonb NOT NULL DEFAULT '[]',
                "cofinancing" jsonb NOT NULL DEFAULT '[]',
                "in_kind" jsonb NOT NULL DEFAULT '[]',
                "payout_account" jsonb,
                "created_by" uuid,
                "submitted_by" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_on" date,
                "verified_by" uuid,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "final_report_approved" boolean NOT NULL DEFAULT false,
                "approved_costs" bigint,
                "calculation" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "chk_payment_request_status" CHECK (
                    status IN ('utkast', 'inskickad', 'granskad', 'makulerad')
                ),
                CONSTRAINT "chk_payment_request_kind" CHECK (kind IN ('lagesrapport', 'slutrapport')),
                CONSTRAINT "PK_b274a8e7b35dd0fd12e46e89f3c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9974779669da0a529ab799c763" ON "payment_request" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_51b1bb026a650fa5168b30933e" ON "payment_request" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7216d2501ba4a786289426441e" ON "payment_request" ("decision_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "payment_voucher" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "line_no" integer NOT NULL,
                "voucher_number" text NOT NULL,
                "supplier" text NOT NULL,
                "cost_category" text NOT NULL,
                "cost_type" text NOT NULL,
                "invoice_date" date NOT NULL,
                "payment_date" date,
                "amount_ex_vat" bigint NOT NULL,
                "vat" bigint NOT NULL DEFAULT '0',
                "attachment_id" uuid,
                "flags" jsonb NOT NULL DEFAULT '[]',
                "verdict" text NOT NULL DEFAULT 'ej_granskad',
                "deduction_reason" text,
                "deduction_text" text,
                "approved_amount" bigint,
                CONSTRAINT "chk_voucher_amounts" CHECK (
                    amount_ex_vat >= 0
                    AND vat >= 0
                ),
                CONSTRAINT "chk_voucher_verdict" CHECK (
                    verdict IN ('ej_granskad', 'godkand', 'avdragen', 'flyttad')
                ),
                CONSTRAINT "PK_c29fd532926258fdafe8fd03895" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_085a019f687caf98061a48731e" ON "payment_voucher" ("request_id", "line_no")
        `);
    await queryRunner.query(`
            CREATE TABLE "payment_batch" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "message_id" text NOT NULL,
                "execution_date" date NOT NULL,
                "count" integer NOT NULL,
                "total" bigint NOT NULL,
                "pain001" bytea NOT NULL,
                "pain001_sha256" text NOT NULL,
                "csv" bytea NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_0f512a8e3553d758d967e8f8a35" UNIQUE ("message_id"),
                CONSTRAINT "PK_b770814cee021e59570c3e58094" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "payment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "decision_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "request_id" uuid,
                "kind" text NOT NULL,
                "status" text NOT NULL DEFAULT 'forslag',
                "gross" bigint NOT NULL,
                "advance_offset" bigint NOT NULL DEFAULT '0',
                "recovery_offset" bigint NOT NULL DEFAULT '0',
                "net" bigint NOT NULL,
                "payee_name" text NOT NULL,
                "payee_organisationsnummer" text NOT NULL,
                "payout_account" jsonb NOT NULL,
                "special_reasons" text,
                "offset_plan" jsonb,
                "proposed_by" uuid NOT NULL,
                "authorised_by" uuid,
                "authorised_by_name" text,
                "authorised_at" TIMESTAMP WITH TIME ZONE,
                "batch_id" uuid,
                "paid_on" date,
                "bank_reference" text,
                "cancel_reason" text,
                "cancelled_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_payment_request_kind_match" CHECK ((kind = 'forskott') = (request_id IS NULL)),
                CONSTRAINT "chk_payment_amounts" CHECK (
                    net >= 0
                    AND advance_offset >= 0
                    AND recovery_offset >= 0
                    AND gross = net + advance_offset + recovery_offset
                ),
                CONSTRAINT "chk_payment_status" CHECK (
                    status IN (
                        'forslag',
                        'attesterad',
                        'i_bunt',
                        'betald',
                        'makulerad'
                    )
                ),
                CONSTRAINT "chk_payment_kind" CHECK (kind IN ('utbetalning', 'forskott')),
                CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b770814cee021e59570c3e5809" ON "payment" ("batch_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3af0086da18f32ac05a52e5639" ON "payment" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1aa22d2944d656004bb9a84551" ON "payment" ("decision_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payment_per_request" ON "payment" ("request_id")
            WHERE status <> 'makulerad'
        `);
    await queryRunner.query(`
            CREATE TABLE "grant_closure" (
                "decision_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "closed_on" date NOT NULL,
                "paid_total" bigint NOT NULL,
                "released" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fcda6e95d15e70838d1acfcbd9c" PRIMARY KEY ("decision_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "attest_right" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "account_id" uuid NOT NULL,
                "max_amount" bigint NOT NULL,
                "valid_from" date NOT NULL,
                "valid_to" date,
                CONSTRAINT "chk_attest_amount" CHECK (max_amount >= 0),
                CONSTRAINT "PK_523fc5d0d3ae14584afef654be9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8f3acb8b27284e8648780fd603" ON "attest_right" ("account_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "reporting_schedule_item"
            ADD CONSTRAINT "FK_054a6718951f0c499c11f271905" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reporting_schedule_item"
            ADD CONSTRAINT "FK_6007bbd22fbfeddd0bb3bc464b8" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "recovery"
            ADD CONSTRAINT "FK_0c54efa0541498216ae8afc9b0e" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "recovery"
            ADD CONSTRAINT "FK_365e547649fa0f3175e81c9931f" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_request"
            ADD CONSTRAINT "FK_1d8f162700a0c2001adcc8e1782" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_request"
            ADD CONSTRAINT "FK_51b1bb026a650fa5168b30933ee" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_voucher"
            ADD CONSTRAINT "FK_0af0ffd162f8e6a9ace6f9594e6" FOREIGN KEY ("request_id") REFERENCES "payment_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_1aa22d2944d656004bb9a845519" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_0ceb928a6719b058eb8bb6d57e1" FOREIGN KEY ("case_id") REFERENCES "grant_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_b274a8e7b35dd0fd12e46e89f3c" FOREIGN KEY ("request_id") REFERENCES "payment_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_b770814cee021e59570c3e58094" FOREIGN KEY ("batch_id") REFERENCES "payment_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attest_right"
            ADD CONSTRAINT "FK_8f3acb8b27284e8648780fd603c" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // An authorised payment is never changed: its amounts, payee and account stay as authorised, a
    // paid or cancelled one stays so, and none is deleted. Only the status moves forward.
    await queryRunner.query(`
            CREATE FUNCTION payment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'payment rows are never deleted' USING ERRCODE = 'check_violation';
              END IF;
              IF OLD.status <> 'forslag' AND (
                   NEW.gross, NEW.net, NEW.advance_offset, NEW.recovery_offset, NEW.decision_id,
                   NEW.request_id, NEW.kind, NEW.payee_name, NEW.payee_organisationsnummer, NEW.payout_account
                 ) IS DISTINCT FROM (
                   OLD.gross, OLD.net, OLD.advance_offset, OLD.recovery_offset, OLD.decision_id,
                   OLD.request_id, OLD.kind, OLD.payee_name, OLD.payee_organisationsnummer, OLD.payout_account
                 ) THEN
                RAISE EXCEPTION 'an authorised payment cannot be changed' USING ERRCODE = 'check_violation';
              END IF;
              IF OLD.status IN ('betald', 'makulerad') AND NEW.status <> OLD.status THEN
                RAISE EXCEPTION 'a % payment cannot change status', OLD.status USING ERRCODE = 'check_violation';
              END IF;
              RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER payment_guard BEFORE UPDATE OR DELETE ON payment
            FOR EACH ROW EXECUTE FUNCTION payment_guard()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER payment_guard ON payment`);
    await queryRunner.query(`DROP FUNCTION payment_guard()`);
    await queryRunner.query(`
            ALTER TABLE "attest_right" DROP CONSTRAINT "FK_8f3acb8b27284e8648780fd603c"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_b770814cee021e59570c3e58094"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_b274a8e7b35dd0fd12e46e89f3c"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_0ceb928a6719b058eb8bb6d57e1"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_1aa22d2944d656004bb9a845519"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_voucher" DROP CONSTRAINT "FK_0af0ffd162f8e6a9ace6f9594e6"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_request" DROP CONSTRAINT "FK_51b1bb026a650fa5168b30933ee"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_request" DROP CONSTRAINT "FK_1d8f162700a0c2001adcc8e1782"
        `);
    await queryRunner.query(`
            ALTER TABLE "recovery" DROP CONSTRAINT "FK_365e547649fa0f3175e81c9931f"
        `);
    await queryRunner.query(`
            ALTER TABLE "recovery" DROP CONSTRAINT "FK_0c54efa0541498216ae8afc9b0e"
        `);
    await queryRunner.query(`
            ALTER TABLE "reporting_schedule_item" DROP CONSTRAINT "FK_6007bbd22fbfeddd0bb3bc464b8"
        `);
    await queryRunner.query(`
            ALTER TABLE "reporting_schedule_item" DROP CONSTRAINT "FK_054a6718951f0c499c11f271905"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8f3acb8b27284e8648780fd603"
        `);
    await queryRunner.query(`
            DROP TABLE "attest_right"
        `);
    await queryRunner.query(`
            DROP TABLE "grant_closure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_payment_per_request"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1aa22d2944d656004bb9a84551"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3af0086da18f32ac05a52e5639"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b770814cee021e59570c3e5809"
        `);
    await queryRunner.query(`
            DROP TABLE "payment"
        `);
    await queryRunner.query(`
            DROP TABLE "payment_batch"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_085a019f687caf98061a48731e"
        `);
    await queryRunner.query(`
            DROP TABLE "payment_voucher"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7216d2501ba4a786289426441e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_51b1bb026a650fa5168b30933e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9974779669da0a529ab799c763"
        `);
    await queryRunner.query(`
            DROP TABLE "payment_request"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0c54efa0541498216ae8afc9b0"
        `);
    await queryRunner.query(`
            DROP TABLE "recovery"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_af6771f393611c9f0d6ac8d64d"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b7b1ea60c04cf70917e056de27"
        `);
    await queryRunner.query(`
            DROP TABLE "reporting_schedule_item"
        `);
  }
}
