import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { HistoryService } from '@anslag/cases';
import { Clock, DomainError } from '@anslag/common';
import { PaymentBatch } from './entities/payment-batch.entity';
import { Payment } from './entities/payment.entity';
import { buildPain001 } from './finance/pain001';
import { validatePain001 } from './finance/schema';
import { paymentSettings } from './payment-settings.service';
import { PaymentsService } from './payments.service';
import type { BatchDto } from './responses';

DomainError.register('NOTHING_TO_PAY', 409);
DomainError.register('PAYER_NOT_CONFIGURED', 409);
DomainError.register('PAYMENT_FILE_INVALID', 409);

/**
 * Authorised payments collected for the finance system: an ISO 20022 pain.001 credit-transfer file,
 * checked against the published schema before it is stored, and the CSV the accounting imports. Both
 * are stored with the batch, so the file handed to the bank can be fetched again unchanged.
 */
@Injectable()
export class BatchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
    private readonly payments: PaymentsService,
    private readonly clock: Clock,
  ) {}

  async create(p: Principal, executionDate: string): Promise<BatchDto> {
    const batch = await this.db.transaction(async (em) => {
      const settings = await paymentSettings(em);
      if (!settings.payer)
        throw new DomainError(
          'PAYER_NOT_CONFIGURED',
          'Regionens konto som betalare är inte inlagt (inställningen "payments.payer")',
        );
      const rows: (Payment & { diarienummer: string })[] = await em.query(
        `SELECT p.id, p.net, p.gross, p.kind, p.case_id AS "caseId", p.decision_id AS "decisionId",
                p.request_id AS "requestId", p.payee_name AS "payeeName",
                p.payee_organisationsnummer AS "payeeOrganisationsnummer", p.payout_account AS "payoutAccount",
                c.diarienummer
         FROM payment p JOIN grant_case c ON c.id = p.case_id
         WHERE p.status = 'attesterad' ORDER BY p.authorised_at, p.id
         FOR UPDATE OF p SKIP LOCKED`,
      );
      if (rows.length === 0)
        throw new DomainError('NOTHING_TO_PAY', 'Det finns inga attesterade utbetalningar');
      const toBank = rows.filter((r) => Number(r.net) > 0);
      const settledByOffset = rows.filter((r) => Number(r.net) === 0);
      const createdAt = this.clock.now();
      // Unique however many batches share a payment day (the bank refuses a message id it has seen).
      const messageId = `ANSLAG-${executionDate.replace(/-/g, '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
      const transfers = toBank.map((r) => ({
        endToEndId: r.id.replace(/-/g, '').slice(0, 35),
        amountKronor: Number(r.net),
        payeeName: r.payeeName,
        payeeOrganisationsnummer: r.payeeOrganisationsnummer,
        account: r.payoutAccount,
        remittance: `${r.diarienummer ?? ''} ${r.kind === 'forskott' ? 'förskott' : 'utbetalning'}`.trim(),
      }));
      const xml =
        transfers.length > 0
          ? buildPain001({ messageId, createdAt, executionDate, payer: settings.payer, transfers })
          : '';
      if (xml) {
        const errors = await validatePain001(xml);
        if (errors.length > 0)
          throw new DomainError(
            'PAYMENT_FILE_INVALID',
            'Betalfilen följer inte ISO 20022-schemat',
            errors.slice(0, 20).map((e) => ({ field: 'pain001', problem: e })),
          );
      }
      const csv = stringify(
        toBank.map((r) => [
          r.diarienummer,
          r.payeeOrganisationsnummer,
          r.payeeName,
          r.payoutAccount.type,
          r.payoutAccount.number,
          Number(r.net),
          executionDate,
          r.id,
        ]),
        {
          header: true,
          delimiter: ';',
          bom: true,
          columns: [
            'Diarienummer',
            'Organisationsnummer',
            'Mottagare',
            'Kontotyp',
            'Konto',
            'Belopp',
            'Betaldag',
            'Referens',
          ],
        },
      );
      const total = toBank.reduce((s, r) => s + Number(r.net), 0);
      const saved = await em.save(PaymentBatch, {
        messageId,
        executionDate,
        count: toBank.length,
        total,
        pain001: Buffer.from(xml, 'utf8'),
        pain001Sha256: createHash('sha256').update(xml).digest('hex'),
        csv: Buffer.from(csv, 'utf8'),
        createdBy: p.userId,
      });
      for (const r of toBank) {
        await em.update(Payment, { id: r.id }, { status: 'i_bunt', batchId: saved.id });
        await this.history.record(em, {
          caseId: r.caseId,
          actor: p,
          action: 'utbetalning_i_betalfil',
          after: { paymentId: r.id, batch: messageId },
        });
      }
      // Everything offset, nothing to send: settled in the batch itself.
      for (const r of settledByOffset) {
        await em.update(Payment, { id: r.id }, { status: 'i_bunt', batchId: saved.id });
        await em.update(
          Payment,
          { id: r.id },
          { status: 'betald', paidOn: executionDate, bankReference: 'kvittning' },
        );
        const pay = await em.findOneOrFail(Payment, { where: { id: r.id } });
        await this.payments.closeIfFinal(em, p, pay, executionDate);
      }
      return saved;
    });
    return toBatchDto(batch);
  }

  async list(): Promise<BatchDto[]> {
    const rows = await this.db.manager.find(PaymentBatch, {
      select: ['id', 'messageId', 'executionDate', 'count', 'total', 'pain001Sha256', 'createdAt'],
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(toBatchDto);
  }

  async file(id: string, kind: 'pain001' | 'csv'): Promise<{ body: Buffer; name: string }> {
    const b = await this.db.manager.findOne(PaymentBatch, { where: { id } });
    if (!b) throw DomainError.notFound('Betalfilen');
    return kind === 'pain001'
      ? { body: b.pain001, name: `${b.messageId}.xml` }
      : { body: b.csv, name: `${b.messageId}.csv` };
  }
}

function toBatchDto(b: PaymentBatch): BatchDto {
  return {
    id: b.id,
    messageId: b.messageId,
    executionDate: b.executionDate,
    count: b.count,
    total: b.total,
    pain001Sha256: b.pain001Sha256,
    createdAt: b.createdAt.toISOString(),
  };
}
