import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UndeliveredDto, UndeliveredPointDto } from './undelivered.dto';

/**
 * The secretariat's work: signed delegated decisions that no presented report has stamped yet, per
 * delegation point, with the last report presented for that point.
 */
@Injectable()
export class UndeliveredService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<UndeliveredDto> {
    const rows: {
      decision_id: string;
      case_id: string;
      diarienummer: string | null;
      title: string;
      organisation_name: string | null;
      aid_form: string | null;
      outcome: string;
      amount: string | null;
      decision_date: string;
      signed_by_name: string | null;
      point: string;
    }[] = await this.db.query(
      `SELECT d.id AS decision_id, d.case_id, c.diarienummer, c.title, o.name AS organisation_name,
              d.aid_form, d.outcome, d.amount::text, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date,
              d.signed_by_name, d.delegation_point AS point
       FROM decision d JOIN grant_case c ON c.id = d.case_id LEFT JOIN organisation o ON o.id = c.organisation_id
       WHERE d.status = 'signerat' AND NOT d.decided_by_namnd AND d.delegation_point IS NOT NULL
         AND d.reported_in IS NULL
       ORDER BY d.delegation_point, d.decision_date, c.diarienummer`,
    );
    const points: { point: string; title: string }[] = await this.db.query(
      `SELECT DISTINCT ON (point) point, title FROM delegation_point ORDER BY point, valid_from DESC`,
    );
    const last: { point: string | null; period_to: string; meeting_date: string; paragraph: string }[] =
      await this.db.query(
        `SELECT delegation_point AS point, to_char(period_to, 'YYYY-MM-DD') AS period_to,
                to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, paragraph
         FROM report_presentation ORDER BY meeting_date DESC, created_at DESC`,
      );
    const codes = [...new Set([...points.map((p) => p.point), ...rows.map((r) => r.point)])].sort();
    return {
      points: codes.map((code): UndeliveredPointDto => {
        const mine = rows.filter((r) => r.point === code);
        const presented = last.find((l) => l.point === code || l.point === null);
        return {
          point: code,
          title: points.find((p) => p.point === code)?.title ?? null,
          lastPresentation: presented
            ? {
                periodTo: presented.period_to,
                meetingDate: presented.meeting_date,
                paragraph: presented.paragraph,
              }
            : null,
          count: mine.length,
          granted: mine.reduce((sum, r) => sum + (r.outcome === 'avslag' ? 0 : Number(r.amount ?? 0)), 0),
          decisions: mine.map((r) => ({
            decisionId: r.decision_id,
            caseId: r.case_id,
            diarienummer: r.diarienummer,
            title: r.title,
            organisationName: r.organisation_name,
            aidForm: r.aid_form,
            outcome: r.outcome,
            amount: r.amount === null ? null : Number(r.amount),
            decisionDate: r.decision_date,
            signedByName: r.signed_by_name,
          })),
        };
      }),
    };
  }
}
