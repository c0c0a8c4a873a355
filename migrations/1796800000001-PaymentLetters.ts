import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentLetters1796800000001 implements MigrationInterface {
  name = 'PaymentLetters1796800000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "payment_letter" (
                "id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "pdf" bytea,
                "sha256" text,
                "error" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_payment_letter_status" CHECK (
                    status IN ('queued', 'rendering', 'done', 'failed')
                ),
                CONSTRAINT "chk_payment_letter_kind" CHECK (kind IN ('utbetalning', 'aterkrav')),
                CONSTRAINT "PK_219072ad58da4e0713525735d81" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "payment_letter"
        `);
  }
}
