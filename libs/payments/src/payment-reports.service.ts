import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@anslag/common';
import { FollowUpService } from '@anslag/reports';
import { PaymentRequestsService } from './payment-requests.service';
import { paymentSettings } from './payment-settings.service';
import {
  CommitmentLineDto,
  IndicatorsReportDto,
  OverdueReportDto,
  PaymentsInPeriodDto,
} from './payment-reports.dto';

/** The latest signed amount of every granting decision chain (a change decision replaces the amount). */
const LATEST_GRANTS = `
  WITH RECURSIVE chain AS (
    SELECT d.id AS root, d.id, d.amount, d.signed_at FROM decision d
    WHERE d.kind = 'beslut' AND d.status = 'signerat' AND d.outcome <> 'avslag'
    UNION ALL
    SELECT c.root, x.id, x.amount, x.signed_at FROM decision x JOIN chain c ON x.amends_decision_id = c.id
    WHERE x.status = 'signerat'
  ), latest AS (
    SELECT DISTINCT ON (root) root, amount FROM chain ORDER BY root, signed_at DESC NULLS LAST
  )`;

/** What the nämnd and the secretariat see of the money after the decisions. */
@Injectable()
export class PaymentReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: PaymentRequestsService,
    private readonly followUp: FollowUpService,
    private readonly clock: Clock,
  ) {}

  /** Decided but not paid, per year of decision, frame and aid form; closed grants release the rest. */
  async outstanding(year?: number): Promise<CommitmentLineDto[]> {
    const rows = await this.db.query(
      `${LATEST_GRANTS}
       SELECT EXTRACT(YEAR FROM d.decision_date)::int AS year, COALESCE(d.frame, '') AS frame,
              COALESCE(d.aid_form, '') AS aid_form, count(*)::int AS decisions,
              SUM(l.amount)::bigint AS granted, SUM(COALESCE(p.paid, 0))::bigint AS paid,
              SUM(COALESCE(gc.released, 0))::bigint AS released
       FROM latest l JOIN decision d ON d.id = l.root
       LEFT JOIN (SELECT decision_id, SUM(net) AS paid FROM payment
                  WHERE status IN ('attesterad', 'i_bunt', 'betald') GROUP BY decision_id) p ON p.decision_id = d.id
       LEFT JOIN grant_closure gc ON gc.decision_id = d.id
       WHERE $1::int IS NULL OR EXTRACT(YEAR FROM d.decision_date)::int = $1
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [year ?? null],
    );
    return rows.map((r: Record<string, string | number>) => {
      const granted = Number(r.granted);
      const paid = Number(r.paid);
      const released = Number(r.released);
      return {
        year: Number(r.year),
        frame: String(r.frame),
        aidForm: String(r.aid_form),
        decisions: Number(r.decisions),
        granted,
        paid,
        released,
        outstanding: Math.max(0, granted - paid - released),
      };
    });
  }

  async paymentsInPeriod(from: string, to: string): Promise<PaymentsInPeriodDto> {
    const rows = await this.db.query(
      `SELECT p.id, c.diarienummer, p.payee_name AS payee, p.kind, p.net::bigint AS net, p.paid_on::text AS paid_on,
              p.bank_reference AS reference
       FROM payment p JOIN grant_case c ON c.id = p.case_id
       WHERE p.status = 'betald' AND p.paid_on BETWEEN $1 AND $2 ORDER BY p.paid_on, c.diarienummer`,
      [from, to],
    );
    const payments = rows.map((r: Record<string, string>) => ({
      id: r.id,
      diarienummer: r.diarienummer,
      payee: r.payee,
      kind: r.kind,
      net: Number(r.net),
      paidOn: r.paid_on,
      reference: r.reference,
    }));
    return { from, to, total: payments.reduce((s: number, p: { net: number }) => s + p.net, 0), payments };
  }

  /** Reports due before the date and not yet submitted. */
  async overdue(date?: string): Promise<OverdueReportDto[]> {
    const on = date ?? this.clock.today();
    await this.requests.ensureAllSchedules();
    const rows = await this.db.query(
      `SELECT i.decision_id, c.diarienummer, o.name AS organisation, i.seq, i.kind, i.due_date::text AS due_date,
              ($1::date - i.due_date) AS days_late
       FROM reporting_schedule_item i
       JOIN grant_case c ON c.id = i.case_id JOIN organisation o ON o.id = c.organisation_id
       WHERE i.due_date < $1::date AND c.status = 'beslutad'
         AND NOT EXISTS (SELECT 1 FROM payment_request r WHERE r.decision_id = i.decision_id
                         AND r.status IN ('inskickad', 'granskad')
                         AND (r.seq >= i.seq OR r.kind = 'slutrapport'))
       ORDER BY i.due_date, c.diarienummer`,
      [on],
    );
    return rows.map((r: Record<string, string | number>) => ({
      decisionId: String(r.decision_id),
      diarienummer: String(r.diarienummer),
      organisation: String(r.organisation),
      seq: Number(r.seq),
      kind: String(r.kind),
      dueDate: String(r.due_date),
      daysLate: Number(r.days_late),
    }));
  }

  /** Indicators reported in approved final reports, beside the nämnd's own indicators for the year. */
  async indicators(year: number): Promise<IndicatorsReportDto> {
    const settings = await paymentSettings(this.db.manager);
    const rows = await this.db.query(
      `SELECT i->>'code' AS code, SUM((i->>'value')::bigint)::bigint AS total, count(DISTINCT r.id)::int AS reports
       FROM payment_request r, jsonb_array_elements(r.indicators) i
       WHERE r.kind = 'slutrapport' AND r.final_report_approved AND EXTRACT(YEAR FROM r.verified_at AT TIME ZONE 'Europe/Stockholm') = $1
       GROUP BY 1 ORDER BY 1`,
      [year],
    );
    const labels = new Map((settings.reportIndicators ?? []).map((x) => [x.code, x.label]));
    const figures = await this.followUp.figures(year);
    return {
      year,
      reported: rows.map((r: Record<string, string | number>) => ({
        code: String(r.code),
        label: labels.get(String(r.code)) ?? String(r.code),
        total: Number(r.total),
        reports: Number(r.reports),
      })),
      namnd: figures.indicators.map((i) => ({
        code: i.code,
        label: i.label,
        grantedCount: i.current.grantedCount,
        previousCount: i.previous.grantedCount,
      })),
    };
  }
}
