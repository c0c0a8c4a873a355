import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Account, effectiveRoles, type Principal, Role } from '@anslag/auth';
import { AccessService, HistoryService } from '@anslag/cases';
import { Clock } from '@anslag/common';
import { listSetting, loadConfig } from '@anslag/config';
import { OrganisationEventsService, RepresentationService } from '@anslag/identity';
import {
  AttestRight,
  BatchService,
  Payment,
  PaymentRequestsService,
  PaymentsService,
  RecoveryService,
  VerificationService,
} from '@anslag/payments';

type VoucherRow = [string, string, string, string, string, string, number, number];

interface DemoRequest {
  submittedOn: string;
  verifiedOn: string;
  paidOn: string;
  finalReportApproved?: boolean;
  reportText: string;
  indicators: { code: string; value: number }[];
  cofinancing: { name: string; amount: number }[];
  inKind: { name: string; amount: number }[];
  vouchers: VoucherRow[];
}

interface DemoScenario {
  diarienummer: string;
  applicant: string;
  verifier: string;
  authoriser: string;
  payoutAccount: { type: 'bankgiro' | 'plusgiro' | 'iban'; number: string };
  advance?: {
    on: string;
    amount: number;
    specialReasons: string;
    offsetPlan: { seq: number; amount: number }[];
    paidOn: string;
  };
  requests: DemoRequest[];
  recovery?: {
    draftedOn: string;
    decidedOn: string;
    decider: string;
    groundsCode: string;
    groundsText: string;
    amount: number;
    interestFrom: string;
    settlement: 'kvittning' | 'faktura';
    settledOn: string;
    settledReference: string;
  };
}

export interface DemoPaymentsFile {
  settings: Record<string, unknown>;
  attestRights: { username: string; maxAmount: number; validFrom: string }[];
  scenarios: DemoScenario[];
}

export function loadDemoPayments(dir: string): DemoPaymentsFile {
  return JSON.parse(readFileSync(join(dir, 'payments.json'), 'utf8')) as DemoPaymentsFile;
}

/**
 * Carries the demo grants through what follows their decisions — reports, verification, authorisation,
 * payment files, an advance and a recovery — through the same services the api uses, on the dates the
 * data gives. Idempotent: a decision that already has payment requests or payments is left alone.
 */
export class DemoPayments {
  private readonly clock = new Clock();
  private readonly config = loadConfig();
  private readonly access: AccessService;
  private readonly requests: PaymentRequestsService;
  private readonly verification: VerificationService;
  private readonly payments: PaymentsService;
  private readonly batches: BatchService;
  private readonly recoveries: RecoveryService;

  constructor(private readonly db: DataSource) {
    const representation = new RepresentationService(
      db,
      new OrganisationEventsService(),
      this.clock,
      this.config,
    );
    this.access = new AccessService(representation);
    const history = new HistoryService(db);
    this.requests = new PaymentRequestsService(db, this.access, history, this.clock, representation);
    this.verification = new VerificationService(db, this.access, history, this.requests, this.clock);
    this.payments = new PaymentsService(db, this.access, history, this.clock);
    this.batches = new BatchService(db, history, this.payments, this.clock);
    this.recoveries = new RecoveryService(db, this.access, history, this.clock);
  }

  async load(file: DemoPaymentsFile): Promise<{ grants: number; payments: number }> {
    await this.loadSettings(file);
    let grants = 0;
    for (const s of file.scenarios) if (await this.scenario(s)) grants++;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM payment WHERE status = 'betald'`);
    return { grants, payments: n };
  }

  /** The region's payment settings and attest order alone, without the demo's payment history. */
  async loadSettings(file: DemoPaymentsFile): Promise<void> {
    await this.db.query(
      `INSERT INTO region_setting (key, value) VALUES ('payments', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify(file.settings)],
    );
    for (const r of file.attestRights) {
      const a = await this.principal(r.username);
      const exists = await this.db.manager.findOne(AttestRight, {
        where: { accountId: a.userId, validFrom: r.validFrom },
      });
      if (!exists)
        await this.db.manager.insert(AttestRight, {
          accountId: a.userId,
          maxAmount: r.maxAmount,
          validFrom: r.validFrom,
          validTo: null,
        });
    }
  }

  private async scenario(s: DemoScenario): Promise<boolean> {
    const [d] = await this.db.query(
      `SELECT d.id FROM decision d JOIN grant_case c ON c.id = d.case_id
       WHERE c.diarienummer = $1 AND d.kind = 'beslut' AND d.status = 'signerat'`,
      [s.diarienummer],
    );
    if (!d) return false;
    const [{ n }] = await this.db.query(
      `SELECT (SELECT count(*) FROM payment_request WHERE decision_id = $1)
            + (SELECT count(*) FROM payment WHERE decision_id = $1) AS n`,
      [d.id],
    );
    if (Number(n) > 0) return false;
    const applicant = await this.principal(s.applicant);
    const verifier = await this.principal(s.verifier);
    const authoriser = await this.principal(s.authoriser);

    if (s.advance) {
      this.on(s.advance.on);
      const a = await this.payments.proposeAdvance(verifier, d.id, {
        amount: s.advance.amount,
        specialReasons: s.advance.specialReasons,
        offsetPlan: s.advance.offsetPlan,
        payoutAccount: s.payoutAccount,
      });
      await this.payments.authorise(authoriser, a.id);
      await this.pay(verifier, s.advance.paidOn);
    }
    for (const r of s.requests) {
      this.on(r.submittedOn);
      const created = await this.requests.create(applicant, d.id, {
        reportText: r.reportText,
        indicators: r.indicators,
        cofinancing: r.cofinancing,
        inKind: r.inKind,
        payoutAccount: s.payoutAccount,
        vouchers: r.vouchers.map(
          ([
            voucherNumber,
            supplier,
            costCategory,
            costType,
            invoiceDate,
            paymentDate,
            amountExVat,
            vat,
          ]) => ({
            voucherNumber,
            supplier,
            costCategory,
            costType,
            invoiceDate,
            paymentDate,
            amountExVat,
            vat,
          }),
        ),
      });
      await this.requests.submit(applicant, created.id);
      this.on(r.verifiedOn);
      await this.verification.verify(verifier, created.id, {
        lines: created.vouchers.map((v) => ({ lineNo: v.lineNo, verdict: 'godkand' as const })),
        finalReportApproved: r.finalReportApproved === true,
      });
      const [proposal] = await this.db.manager.find(Payment, {
        where: { requestId: created.id, status: 'forslag' },
      });
      await this.payments.authorise(authoriser, proposal.id);
      await this.pay(verifier, r.paidOn);
    }
    if (s.recovery) {
      const rc = s.recovery;
      this.on(rc.draftedOn);
      const draft = await this.recoveries.draft(verifier, d.id, {
        groundsCode: rc.groundsCode,
        groundsText: rc.groundsText,
        amount: rc.amount,
        interestFrom: rc.interestFrom,
        settlement: rc.settlement,
      });
      this.on(rc.decidedOn);
      await this.recoveries.decide(await this.principal(rc.decider), draft.id);
      await this.recoveries.settle(verifier, draft.id, {
        paidOn: rc.settledOn,
        reference: rc.settledReference,
      });
    }
    this.clock.set(null);
    return true;
  }

  /** A batch on the payment day, and the bank's confirmation of each payment in it. */
  private async pay(officer: Principal, on: string): Promise<void> {
    this.on(on);
    const batch = await this.batches.create(officer, on);
    const inBatch = await this.db.manager.find(Payment, { where: { batchId: batch.id, status: 'i_bunt' } });
    for (const p of inBatch)
      await this.payments.confirm(officer, p.id, {
        paidOn: on,
        reference: `${batch.messageId}/${p.id.slice(0, 8)}`,
      });
  }

  private on(date: string): void {
    this.clock.set(new Date(`${date}T10:00:00+01:00`));
  }

  private async principal(username: string): Promise<Principal> {
    const a = await this.db.manager.findOneOrFail(Account, { where: { username } });
    // The demo acts as its applicant would after signing in with e-legitimation at the required level.
    const acr = a.roles.includes(Role.sokande) ? listSetting(this.config.ACT_REQUIRED_ACR)[0] : null;
    return { userId: a.id, username: a.username, roles: effectiveRoles(a), organisationIds: [], acr };
  }
}
