import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type MandateUsed, type Principal, Representation, Role } from '@anslag/auth';
import { AccessService, GrantCase, HistoryService } from '@anslag/cases';
import { Clock, DomainError, type ErrorDetail } from '@anslag/common';
import { checkVoucher, VOUCHER_FLAG_TEXT } from './calc/voucher-checks';
import { reportingSchedule } from './calc/reporting-schedule';
import { ReportingScheduleItem } from './entities/reporting-schedule-item.entity';
import { PaymentRequest } from './entities/payment-request.entity';
import { PaymentVoucher } from './entities/payment-voucher.entity';
import { normaliseAccount } from './finance/accounts';
import { type GrantContext, loadGrant } from './grant-context';
import { toRequestDto } from './mapping';
import { paymentSettings, type PaymentSettings } from './payment-settings.service';
import type { CreatePaymentRequestDto, PaymentRequestFieldsDto, ScheduleOverrideDto } from './dto';
import type {
  CheckResultDto,
  PaymentRequestDto,
  PaymentRequestListItemDto,
  ScheduleItemDto,
} from './responses';

const SYSTEM = '00000000-0000-0000-0000-000000000000';

DomainError.register('PAYMENT_REQUEST_NOT_EDITABLE', 409);
DomainError.register('PAYMENT_REQUEST_INCOMPLETE', 400);
DomainError.register('REPORTING_COMPLETE', 409);
DomainError.register('NOT_A_GRANT', 409);

/**
 * The grantee's side: the reporting schedule and payment requests (utbetalningsansökningar) with their
 * vouchers, checked in full before submission so that every problem shows at once.
 */
@Injectable()
export class PaymentRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly representation: Representation,
  ) {}

  /** The schedule, made from the region's settings the first time it is asked for. */
  async schedule(p: Principal, decisionId: string): Promise<ScheduleItemDto[]> {
    return this.db.transaction(async (em) => {
      const settings = await paymentSettings(em);
      const g = await loadGrant(em, this.access, p, decisionId, settings);
      const items = await this.ensureSchedule(em, g, settings);
      const requests = await em.find(PaymentRequest, { where: { decisionId } });
      return items.map((i) => {
        const r = requests.find((x) => x.seq === i.seq && x.status !== 'makulerad');
        return {
          seq: i.seq,
          kind: i.kind,
          periodFrom: i.periodFrom,
          periodTo: i.periodTo,
          dueDate: i.dueDate,
          overrideReason: i.overrideReason,
          requestId: r?.id ?? null,
          requestStatus: r?.status ?? null,
        };
      });
    });
  }

  async overrideSchedule(p: Principal, decisionId: string, seq: number, dto: ScheduleOverrideDto) {
    await this.db.transaction(async (em) => {
      const settings = await paymentSettings(em);
      const g = await loadGrant(em, this.access, p, decisionId, settings);
      const items = await this.ensureSchedule(em, g, settings);
      const item = items.find((i) => i.seq === seq);
      if (!item) throw DomainError.notFound('Rapporten');
      await em.update(
        ReportingScheduleItem,
        { id: item.id },
        { dueDate: dto.dueDate, overrideReason: dto.reason },
      );
      await this.history.record(em, {
        caseId: g.grantCase.id,
        actor: p,
        action: 'rapportplan_andrad',
        before: { seq, dueDate: item.dueDate },
        after: { seq, dueDate: dto.dueDate },
        reason: dto.reason,
      });
    });
    return this.schedule(p, decisionId);
  }

  private async ensureSchedule(em: EntityManager, g: GrantContext, s: PaymentSettings) {
    const existing = await em.find(ReportingScheduleItem, {
      where: { decisionId: g.decision.id },
      order: { seq: 'ASC' },
    });
    if (existing.length > 0) return existing;
    const plan = reportingSchedule(g.periodStart, g.periodEnd, s.schedule[g.grantCase.track]);
    await em
      .createQueryBuilder()
      .insert()
      .into(ReportingScheduleItem)
      .values(
        plan.map((i) => ({ ...i, decisionId: g.decision.id, caseId: g.grantCase.id, overrideReason: null })),
      )
      .orIgnore()
      .execute();
    return em.find(ReportingScheduleItem, { where: { decisionId: g.decision.id }, order: { seq: 'ASC' } });
  }

  /** Makes the schedule of every granting decision that has none yet (for the overdue list). */
  async ensureAllSchedules(): Promise<void> {
    const missing: { id: string }[] = await this.db.query(
      `SELECT d.id FROM decision d
       WHERE d.kind = 'beslut' AND d.status = 'signerat' AND d.outcome <> 'avslag'
         AND NOT EXISTS (SELECT 1 FROM reporting_schedule_item i WHERE i.decision_id = d.id)`,
    );
    const system: Principal = {
      userId: SYSTEM,
      username: 'system',
      roles: [Role.handlaggare],
      organisationIds: [],
    };
    for (const { id } of missing)
      await this.db.transaction(async (em) => {
        const settings = await paymentSettings(em);
        await this.ensureSchedule(em, await loadGrant(em, this.access, system, id, settings), settings);
      });
  }

  async create(p: Principal, decisionId: string, dto: CreatePaymentRequestDto): Promise<PaymentRequestDto> {
    const id = await this.db.transaction(async (em) => {
      const settings = await paymentSettings(em);
      const g = await loadGrant(em, this.access, p, decisionId, settings);
      // One request at a time per decision: serialise on the decision's schedule.
      await em.query(`SELECT id FROM decision WHERE id = $1 FOR UPDATE`, [decisionId]);
      const items = await this.ensureSchedule(em, g, settings);
      const live = await em.find(PaymentRequest, { where: { decisionId }, order: { seq: 'ASC' } });
      const current = live.filter((r) => r.status !== 'makulerad');
      if (current.some((r) => r.kind === 'slutrapport'))
        throw new DomainError('REPORTING_COMPLETE', 'Slutredovisningen är redan lämnad för detta beslut');
      if (current.some((r) => r.status === 'utkast'))
        throw new DomainError(
          'PAYMENT_REQUEST_NOT_EDITABLE',
          'Det finns redan ett utkast till utbetalningsansökan',
        );
      const seq = live.length + 1;
      const planned = items.find((i) => i.seq === current.length + 1) ?? items[items.length - 1];
      const kind = dto.kind ?? planned.kind;
      const prev = current[current.length - 1];
      const periodFrom = prev ? dayAfter(prev.periodTo) : g.periodStart;
      const periodTo =
        kind === 'slutrapport' ? g.periodEnd : planned.periodTo < periodFrom ? periodFrom : planned.periodTo;
      const row = await em.save(PaymentRequest, {
        decisionId,
        caseId: g.grantCase.id,
        seq,
        kind,
        periodFrom,
        periodTo,
        status: 'utkast',
        createdBy: p.userId,
        ...this.fields(dto),
      });
      if (dto.vouchers) await this.replaceVouchers(em, row.id, dto.vouchers);
      await this.history.record(em, {
        caseId: g.grantCase.id,
        actor: p,
        action: 'utbetalningsansokan_skapad',
        after: { seq, kind, periodFrom, periodTo },
      });
      return row.id;
    });
    return this.get(p, id);
  }

  async update(p: Principal, id: string, dto: PaymentRequestFieldsDto): Promise<PaymentRequestDto> {
    await this.db.transaction(async (em) => {
      const r = await this.lockRequest(em, p, id);
      if (r.status !== 'utkast')
        throw new DomainError(
          'PAYMENT_REQUEST_NOT_EDITABLE',
          'En inskickad utbetalningsansökan kan inte ändras',
        );
      await em.update(PaymentRequest, { id }, this.fields(dto));
      if (dto.vouchers) await this.replaceVouchers(em, id, dto.vouchers);
    });
    return this.get(p, id);
  }

  async check(p: Principal, id: string): Promise<CheckResultDto> {
    return this.db.transaction(async (em) => {
      const r = await this.lockRequest(em, p, id);
      return this.checkRow(em, p, r);
    });
  }

  async submit(p: Principal, id: string): Promise<PaymentRequestDto> {
    await this.db.transaction(async (em) => {
      const r = await this.lockRequest(em, p, id);
      if (r.status !== 'utkast')
        throw new DomainError('PAYMENT_REQUEST_NOT_EDITABLE', 'Utbetalningsansökan är redan inskickad');
      const result = await this.checkRow(em, p, r);
      if (!result.ok)
        throw new DomainError(
          'PAYMENT_REQUEST_INCOMPLETE',
          'Utbetalningsansökan är inte komplett',
          result.problems,
        );
      // Requesting payment acts for the organisation: a valid mandate at the required level of assurance.
      let mandate: MandateUsed | null = null;
      if (p.roles.includes(Role.sokande)) {
        const c = await em.findOneOrFail(GrantCase, { where: { id: r.caseId } });
        mandate = await this.representation.assertMayAct(p, c.organisationId, 'utbetalning', em);
      }
      const today = this.clock.today();
      const settings = await paymentSettings(em);
      const g = await loadGrant(em, this.access, p, r.decisionId, settings);
      const vouchers = await em.find(PaymentVoucher, { where: { requestId: id } });
      for (const v of vouchers) {
        const flags = checkVoucher(v, this.context(g, settings, today));
        await em.update(PaymentVoucher, { id: v.id }, { flags });
      }
      await em.update(
        PaymentRequest,
        { id },
        { status: 'inskickad', submittedBy: p.userId, submittedAt: this.clock.now(), submittedOn: today },
      );
      await this.history.record(em, {
        caseId: r.caseId,
        actor: p,
        action: 'utbetalningsansokan_inskickad',
        after: {
          seq: r.seq,
          kind: r.kind,
          booked: vouchers.reduce((s, v) => s + v.amountExVat, 0),
          ...(mandate ? { mandate } : {}),
        },
      });
    });
    return this.get(p, id);
  }

  async get(p: Principal, id: string): Promise<PaymentRequestDto> {
    const em = this.db.manager;
    const r = await em.findOne(PaymentRequest, { where: { id } });
    if (!r) throw DomainError.notFound('Utbetalningsansökan');
    const c = await em.findOneOrFail(GrantCase, { where: { id: r.caseId } });
    await this.access.assertOrganisation(p, c.organisationId, 'Utbetalningsansökan');
    const vouchers = await em.find(PaymentVoucher, { where: { requestId: id }, order: { lineNo: 'ASC' } });
    return toRequestDto(r, vouchers, c.diarienummer);
  }

  async list(p: Principal, decisionId: string): Promise<PaymentRequestDto[]> {
    const settings = await paymentSettings(this.db.manager);
    const g = await loadGrant(this.db.manager, this.access, p, decisionId, settings);
    const rows = await this.db.manager.find(PaymentRequest, { where: { decisionId }, order: { seq: 'ASC' } });
    // The vouchers of every request in one query, not one per request.
    const vouchers = rows.length
      ? await this.db.manager.find(PaymentVoucher, {
          where: { requestId: In(rows.map((r) => r.id)) },
          order: { lineNo: 'ASC' },
        })
      : [];
    return rows.map((r) =>
      toRequestDto(
        r,
        vouchers.filter((v) => v.requestId === r.id),
        g.grantCase.diarienummer,
      ),
    );
  }

  /** Requests by status for the officers' work list (submitted ones await verification). */
  async listByStatus(status: string): Promise<PaymentRequestListItemDto[]> {
    const rows = await this.db.query(
      `SELECT r.id, r.decision_id, r.case_id, c.diarienummer, o.name AS organisation_name, r.seq, r.kind, r.status,
              r.submitted_at, COALESCE((SELECT SUM(v.amount_ex_vat) FROM payment_voucher v WHERE v.request_id = r.id), 0) AS booked
       FROM payment_request r JOIN grant_case c ON c.id = r.case_id JOIN organisation o ON o.id = c.organisation_id
       WHERE r.status = $1 ORDER BY r.submitted_at NULLS LAST, c.diarienummer LIMIT 500`,
      [status],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id),
      decisionId: String(r.decision_id),
      caseId: String(r.case_id),
      diarienummer: (r.diarienummer as string | null) ?? null,
      organisationName: String(r.organisation_name),
      seq: Number(r.seq),
      kind: String(r.kind),
      status: String(r.status),
      submittedAt: r.submitted_at ? (r.submitted_at as Date).toISOString() : null,
      bookedTotal: Number(r.booked),
    }));
  }

  /** The request, locked, or 404 for anyone who may not see its case. */
  async lockRequest(em: EntityManager, p: Principal, id: string): Promise<PaymentRequest> {
    const r = await em.findOne(PaymentRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!r) throw DomainError.notFound('Utbetalningsansökan');
    const c = await em.findOneOrFail(GrantCase, { where: { id: r.caseId } });
    await this.access.assertOrganisation(p, c.organisationId, 'Utbetalningsansökan', em);
    return r;
  }

  context(g: GrantContext, s: PaymentSettings, requestDate: string) {
    return {
      periodStart: g.periodStart,
      periodEnd: g.periodEnd,
      applicationReceived: g.receivedDate,
      requestDate,
      excludedCostTypes: s.excludedCostTypes,
    };
  }

  private async checkRow(em: EntityManager, p: Principal, r: PaymentRequest): Promise<CheckResultDto> {
    const settings = await paymentSettings(em);
    const g = await loadGrant(em, this.access, p, r.decisionId, settings);
    const vouchers = await em.find(PaymentVoucher, { where: { requestId: r.id }, order: { lineNo: 'ASC' } });
    const problems: ErrorDetail[] = [];
    const warnings: ErrorDetail[] = [];
    if (!r.reportText.trim())
      problems.push({
        field: 'reportText',
        problem: r.kind === 'slutrapport' ? 'Slutrapporten ska skrivas' : 'Lägesrapporten ska skrivas',
      });
    if (!r.payoutAccount) problems.push({ field: 'payoutAccount', problem: 'Ange konto för utbetalningen' });
    else {
      const acc = normaliseAccount(r.payoutAccount);
      if ('problem' in acc) problems.push({ field: 'payoutAccount.number', problem: acc.problem });
    }
    if (vouchers.length === 0)
      problems.push({ field: 'vouchers', problem: 'Lägg till minst en verifikation' });
    const ctx = this.context(g, settings, this.clock.today());
    const seen = new Set<string>();
    vouchers.forEach((v, i) => {
      if (seen.has(v.voucherNumber))
        problems.push({
          field: `vouchers[${i}].voucherNumber`,
          problem: 'Verifikationsnumret finns redan i ansökan',
        });
      seen.add(v.voucherNumber);
      for (const f of checkVoucher(v, ctx))
        warnings.push({ field: `vouchers[${i}]`, problem: VOUCHER_FLAG_TEXT[f] });
    });
    return { ok: problems.length === 0, problems, warnings };
  }

  private fields(dto: PaymentRequestFieldsDto): Partial<PaymentRequest> {
    const out: Partial<PaymentRequest> = {};
    if (dto.reportText !== undefined) out.reportText = dto.reportText;
    if (dto.indicators !== undefined)
      out.indicators = dto.indicators.map((i) => ({ code: i.code, value: i.value }));
    if (dto.cofinancing !== undefined)
      out.cofinancing = dto.cofinancing.map((c) => ({ financier: c.name, amount: c.amount }));
    if (dto.inKind !== undefined)
      out.inKind = dto.inKind.map((c) => ({ contributor: c.name, amount: c.amount }));
    if (dto.payoutAccount !== undefined)
      out.payoutAccount = {
        type: dto.payoutAccount.type,
        number: dto.payoutAccount.number,
        bic: dto.payoutAccount.bic ?? null,
      };
    return out;
  }

  private async replaceVouchers(
    em: EntityManager,
    requestId: string,
    vouchers: NonNullable<PaymentRequestFieldsDto['vouchers']>,
  ) {
    // A voucher may point only at an attachment of its own case.
    const ids = vouchers.map((v) => v.attachmentId).filter((x): x is string => !!x);
    if (ids.length > 0) {
      const found: { id: string }[] = await em.query(
        `SELECT a.id FROM attachment a JOIN payment_request r ON r.case_id = a.case_id
         WHERE r.id = $1 AND a.id = ANY($2::uuid[])`,
        [requestId, ids],
      );
      const ok = new Set(found.map((f) => f.id));
      const bad = vouchers.findIndex((v) => v.attachmentId && !ok.has(v.attachmentId));
      if (bad >= 0)
        throw new DomainError('VALIDATION_FAILED', 'Bilagan finns inte i ärendet', [
          { field: `vouchers[${bad}].attachmentId`, problem: 'Bilagan finns inte i ärendet' },
        ]);
    }
    await em.delete(PaymentVoucher, { requestId });
    if (vouchers.length === 0) return;
    await em.insert(
      PaymentVoucher,
      vouchers.map((v, i) => ({
        requestId,
        lineNo: i + 1,
        voucherNumber: v.voucherNumber,
        supplier: v.supplier,
        costCategory: v.costCategory,
        costType: v.costType,
        invoiceDate: v.invoiceDate,
        paymentDate: v.paymentDate ?? null,
        amountExVat: v.amountExVat,
        vat: v.vat ?? 0,
        attachmentId: v.attachmentId ?? null,
      })),
    );
  }
}

function dayAfter(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}
