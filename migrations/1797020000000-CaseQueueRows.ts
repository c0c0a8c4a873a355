import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rows of a page of the work queue (and of the applicants' own list), by their ids in the page's
 * order, with everything the list shows beside each case: organisation, officer, latest assessment
 * (officers only), latest decision and its letter (applicants: signed ones only), open completion request
 * and, for projects, what is asked of the region. A PL/pgSQL function because PL/pgSQL keeps the plan of
 * its query for the rest of the connection's life (a generic plan: lookups by key, whatever the ids):
 * planning the four lookups beside each row was most of the database's time for a page, and the
 * statement that chooses the page (libs/cases case-list.ts, planned for its filters each time) calls it,
 * so that a page is one statement. STABLE: it reads with the calling statement's snapshot. `n` is the
 * row's place in the page.
 */
export class CaseQueueRows1797020000000 implements MigrationInterface {
  name = 'CaseQueueRows1797020000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION case_queue_rows(page_ids uuid[], officer boolean)
      RETURNS TABLE (
        id uuid, diarienummer text, "nypsId" text, track text, status text, title text, "organisationId" uuid,
        "organisationName" text, "kommunCode" text, "aidForm" text, "aidSubform" text, "amountApplied" text,
        "registrationDate" text, "receivedAt" timestamptz, assignee json, asked text, evaluation json,
        decision json, request json, n bigint)
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN QUERY
        SELECT c.id, c.diarienummer, c.nyps_id, c.track, c.status, c.title, c.organisation_id, o.name,
               o.kommun_code, c.aid_form, c.aid_subform, c.amount_applied::text, c.registration_date::text,
               c.received_at,
               CASE WHEN a.id IS NULL THEN NULL
                    ELSE json_build_object('id', a.id, 'displayName', a.display_name, 'title', a.title) END,
               CASE WHEN c.track = 'projekt' THEN
                 (SELECT COALESCE(sum(b.amount), 0)::text FROM budget_line b
                    JOIN catalogue_entry f ON f.kind = 'financier' AND f.code = b.code AND f.region_grant
                   WHERE b.case_id = c.id AND b.kind = 'financing') END,
               CASE WHEN case_queue_rows.officer THEN
                 (SELECT json_build_object('outcome', e.outcome, 'maxGrant', e.max_grant::text,
                         'evaluatedAt', e.created_at)
                    FROM case_evaluation e WHERE e.case_id = c.id ORDER BY e.created_at DESC LIMIT 1) END,
               (SELECT json_build_object('id', d.id, 'status', d.status, 'outcome', d.outcome,
                       'amount', d.amount::text, 'letterStatus', l.status)
                  FROM decision d LEFT JOIN decision_letter l ON l.decision_id = d.id
                 WHERE d.case_id = c.id AND (case_queue_rows.officer OR d.status = 'signerat')
                 ORDER BY d.created_at DESC LIMIT 1),
               (SELECT json_build_object('id', r.id, 'reason', r.reason, 'requestedAt', r.requested_at,
                       'requestedBy', r.requested_by, 'dueDate', r.due_date::text)
                  FROM completion_request r WHERE r.case_id = c.id AND r.answered_at IS NULL
                 ORDER BY r.requested_at DESC LIMIT 1),
               page.n
        FROM unnest(case_queue_rows.page_ids) WITH ORDINALITY AS page(id, n)
        JOIN grant_case c ON c.id = page.id
        JOIN organisation o ON o.id = c.organisation_id
        LEFT JOIN account a ON a.id = c.assigned_to;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION case_queue_rows(uuid[], boolean)`);
  }
}
