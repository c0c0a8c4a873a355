import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officers' work queue sorts on registration_date (newest first, drafts last) with the id as tie
 * breaker in the same direction; the old indexes were on registered_at, which nothing sorts on, so the
 * default page was a sequential scan and a sort. These indexes serve the page as a plain LIMIT, alone
 * or after a filter, and the count of a filtered list as an index-only scan.
 */
export class WorkQueueIndexes1796700000001 implements MigrationInterface {
  name = 'WorkQueueIndexes1796700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_11f9b94cb862bdfc923d4b59bb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_788d1cd2eb26ddf92713616cb6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_70a0766d3f6f6e20c77c4401e8"`);
    const order = 'registration_date DESC NULLS LAST, id DESC';
    await queryRunner.query(`CREATE INDEX "idx_grant_case_queue" ON "grant_case" (${order})`);
    await queryRunner.query(`CREATE INDEX "idx_grant_case_queue_status" ON "grant_case" (status, ${order})`);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_aid_form" ON "grant_case" (aid_form, ${order})`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_organisation" ON "grant_case" (organisation_id, ${order})`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_orgnr_prefix" ON "organisation" (organisationsnummer text_pattern_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_orgnr_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_aid_form"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_70a0766d3f6f6e20c77c4401e8" ON "grant_case" ("status", "registered_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_788d1cd2eb26ddf92713616cb6" ON "grant_case" ("aid_form", "registered_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_11f9b94cb862bdfc923d4b59bb" ON "grant_case" ("organisation_id", "registered_at")`,
    );
  }
}
