import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiWorkLists1796500000000 implements MigrationInterface {
  name = 'ApiWorkLists1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "completion_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "requested_by" uuid,
                "due_date" date NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answered_by" uuid,
                CONSTRAINT "PK_bad5bd710db9844b130e054a6cc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_completion_request_open_due" ON "completion_request" ("due_date")
            WHERE answered_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c46717c7de2e3a7ec77305c2cf" ON "completion_request" ("case_id", "requested_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case"
            ADD "assigned_to" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "catalogue_entry"
            ADD "description" text
        `);
    await queryRunner.query(`
            ALTER TABLE "catalogue_entry"
            ADD "tracks" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "catalogue_entry"
            ADD "required_for" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD "type" text
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ed3a5606860ec529536ee558c4" ON "grant_case" ("assigned_to")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ed3a5606860ec529536ee558c4"
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment" DROP COLUMN "type"
        `);
    await queryRunner.query(`
            ALTER TABLE "catalogue_entry" DROP COLUMN "required_for"
        `);
    await queryRunner.query(`
            ALTER TABLE "catalogue_entry" DROP COLUMN "tracks"
        `);
    await queryRunner.query(`
            ALTER TABLE "catalogue_entry" DROP COLUMN "description"
        `);
    await queryRunner.query(`
            ALTER TABLE "grant_case" DROP COLUMN "assigned_to"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c46717c7de2e3a7ec77305c2cf"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_completion_request_open_due"
        `);
    await queryRunner.query(`
            DROP TABLE "completion_request"
        `);
  }
}
