import { MigrationInterface, QueryRunner } from 'typeorm';

const ORDER = 'registration_date DESC NULLS LAST, id DESC';

/**
 * The work queue's search and filters over 100 000 cases. Trigram indexes on the title and the
 * diarienummer let a free-text search (title, diarienummer or organisation: a BitmapOr of index
 * conditions on the case) find its cases without reading every one. The indexes of the filters on the
 * status, the organisation, the aid form and the handläggare hold the queue's sort and the columns the
 * other filters and the counts per status read, so that a page is a plain LIMIT (or a short sort of ids)
 * and the counts are index-only scans; the one on the handläggare replaces the plain index on
 * assigned_to. The sorts on title and diarienummer get indexes in their order (ascending with nulls
 * first; read backwards for descending).
 */
export class QueueSearch1796960000000 implements MigrationInterface {
  name = 'QueueSearch1796960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_title_trgm" ON "grant_case" USING gin ("title" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_diarienummer_trgm" ON "grant_case" USING gin ("diarienummer" gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_status"`);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_status" ON "grant_case" (status, ${ORDER}) INCLUDE (aid_form, organisation_id)`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_organisation"`);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_organisation" ON "grant_case" (organisation_id, ${ORDER}) INCLUDE (status)`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_aid_form"`);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_aid_form" ON "grant_case" (aid_form, ${ORDER}) INCLUDE (status, organisation_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_sort_title" ON "grant_case" (title ASC NULLS FIRST, id ASC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_sort_diarienummer" ON "grant_case" (diarienummer ASC NULLS FIRST, id ASC)`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_ed3a5606860ec529536ee558c4"`);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_assignee" ON "grant_case" (assigned_to, ${ORDER}) INCLUDE (status)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_sort_diarienummer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_sort_title"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_assignee"`);
    await queryRunner.query(`CREATE INDEX "IDX_ed3a5606860ec529536ee558c4" ON "grant_case" ("assigned_to")`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_aid_form"`);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_aid_form" ON "grant_case" (aid_form, ${ORDER})`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_organisation"`);
    await queryRunner.query(
      `CREATE INDEX "idx_grant_case_queue_organisation" ON "grant_case" (organisation_id, ${ORDER})`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_queue_status"`);
    await queryRunner.query(`CREATE INDEX "idx_grant_case_queue_status" ON "grant_case" (status, ${ORDER})`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_diarienummer_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grant_case_title_trgm"`);
  }
}
