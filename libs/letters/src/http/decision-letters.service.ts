import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { AccessService } from '@anslag/cases';
import { DomainError, ErrorCode } from '@anslag/common';
import type { LetterStatus } from '../entities/decision-letter.entity';
import { buildDecisionLetterModel } from '../model/decision-letter-model.builder';
import { renderLetter } from '../render/render-letter';
import { LetterModelError } from '../render/validate';
import { DecisionLetterStore } from '../storage/decision-letter.store';
import { LetterDataLoader } from '../storage/letter-data.loader';
import type { LetterStatusDto } from './letter-status.dto';

export const LETTER_NOT_FAILED = 'LETTER_NOT_FAILED';
DomainError.register(LETTER_NOT_FAILED, 409);

interface LetterRow {
  status: LetterStatus;
  attempts: number;
  last_error: string | null;
  sha256: string | null;
  organisation_id: string;
  diarienummer: string | null;
}

export interface LetterFile {
  pdf: Buffer;
  sha256: string;
  filename: string;
}

const WHAT = 'Beslutsbrevet';

/** Printed on every page of a preview: it is not a decision. */
export const DRAFT_MARKING = 'UTKAST – inte ett fattat beslut';

/**
 * Reading a decision's letter and asking for a failed one again. Who may see it: officers, and the
 * applicant of the case's organisation; anyone else gets 404 exactly as for a letter that does not exist.
 */
@Injectable()
export class DecisionLettersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  private async letter(
    p: Principal,
    decisionId: string,
    em: EntityManager,
    lock = false,
  ): Promise<LetterRow> {
    const [row] = (await em.query(
      `SELECT l.status, l.attempts, l.last_error, l.sha256, c.organisation_id, c.diarienummer
         FROM decision_letter l
         JOIN decision d ON d.id = l.decision_id
         JOIN grant_case c ON c.id = d.case_id
        WHERE l.decision_id = $1${lock ? ' FOR UPDATE OF l' : ''}`,
      [decisionId],
    )) as LetterRow[];
    if (!row) throw DomainError.notFound(WHAT);
    await this.access.assertOrganisation(p, row.organisation_id, WHAT, em);
    return row;
  }

  private toDto(p: Principal, row: LetterRow): LetterStatusDto {
    return {
      status: row.status,
      attempts: row.attempts,
      // An error text is written for the people who run the system, not for the applicant.
      lastError: this.access.isOfficer(p) ? row.last_error : null,
      sha256: row.sha256,
    };
  }

  async status(p: Principal, decisionId: string): Promise<LetterStatusDto> {
    return this.toDto(p, await this.letter(p, decisionId, this.db.manager));
  }

  async file(p: Principal, decisionId: string): Promise<LetterFile> {
    const row = await this.letter(p, decisionId, this.db.manager);
    if (row.status !== 'done') throw DomainError.notFound(WHAT);
    const [stored] = (await this.db.query(
      `SELECT pdf, sha256 FROM decision_letter WHERE decision_id = $1 AND status = 'done'`,
      [decisionId],
    )) as { pdf: Buffer; sha256: string }[];
    if (!stored) throw DomainError.notFound(WHAT);
    return {
      pdf: stored.pdf,
      sha256: stored.sha256,
      filename: `beslut-${row.diarienummer ?? decisionId}.pdf`,
    };
  }

  /**
   * The letter a draft decision would get, rendered now with the same model and renderer as the real one,
   * marked UTKAST on every page and never stored. Officers only (the controller's roles); a decision that
   * is not a draft has no preview (404), so a signed decision is read from its stored letter.
   */
  async preview(decisionId: string): Promise<LetterFile> {
    const [row] = (await this.db.query(
      `SELECT d.status, c.diarienummer FROM decision d JOIN grant_case c ON c.id = d.case_id WHERE d.id = $1`,
      [decisionId],
    )) as { status: string; diarienummer: string | null }[];
    if (!row || row.status !== 'utkast') throw DomainError.notFound('Utkastet till beslut');
    let pdf: Buffer;
    try {
      const input = await new LetterDataLoader(this.db).load(decisionId, { draft: true });
      // Nobody has signed yet: the signature block says so instead of naming anyone.
      const signatories =
        input.signatories.length > 0 ? input.signatories : [{ name: 'Ej signerat', title: 'Beslutsfattare' }];
      const model = { ...buildDecisionLetterModel({ ...input, signatories }), draftMarking: DRAFT_MARKING };
      pdf = await renderLetter(model);
    } catch (e) {
      // What the letter lacks (a rejection without grounds, no letter template) is the draft's to fix.
      if (e instanceof LetterModelError)
        throw new DomainError(ErrorCode.CONFLICT, `Beslutsbrevet kan inte visas: ${e.message}`, [
          { field: 'id', problem: e.message },
        ]);
      throw e;
    }
    return {
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      filename: `utkast-beslut-${row.diarienummer ?? decisionId}.pdf`,
    };
  }

  /**
   * A failed letter, or one stuck in the queue, goes back to the queue through the outbox; the api itself
   * never talks to Redis. A queued letter whose job is still waiting keeps that one job (its id is fixed).
   */
  async retry(p: Principal, decisionId: string): Promise<LetterStatusDto> {
    return this.db.transaction(async (em) => {
      const row = await this.letter(p, decisionId, em, true);
      if (row.status !== 'failed' && row.status !== 'queued') {
        throw new DomainError(
          LETTER_NOT_FAILED,
          'Bara ett beslutsbrev som har misslyckats eller står kvar i kön kan köas igen',
          [{ field: 'status', problem: `är ${row.status}` }],
        );
      }
      await DecisionLetterStore.requeue(em, decisionId);
      return this.toDto(p, { ...row, status: 'queued' });
    });
  }
}
