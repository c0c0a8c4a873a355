import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { Clock } from '@anslag/common';
import { readSideBySide } from '@anslag/database';
import { CompletionRequest } from '../entities/completion-request.entity';
import type { GrantCase } from '../entities/grant-case.entity';
import type {
  CaseSummaryDto,
  CompletionRequestDto,
  DecisionSummaryDto,
  EvaluationSummaryDto,
  PersonDto,
} from './case-response.dto';
import { CompletionRequestService } from './completion-request.service';
import { PeopleService } from './people.service';

type QueueFields = Pick<CaseSummaryDto, 'ageDays' | 'evaluation' | 'decision' | 'openCompletionRequest'>;

const DAY = 24 * 60 * 60 * 1000;

/**
 * What a work queue shows beside each case of a page: its age, the latest assessment, the latest
 * decision and its letter, the open completion request. A few queries keyed by the page's case ids,
 * so the list query itself stays a plain, indexable ORDER BY … LIMIT.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleService,
    private readonly completion: CompletionRequestService,
    private readonly clock: Clock,
  ) {}

  async forCases(
    rows: GrantCase[],
    officer: boolean,
  ): Promise<{ people: Map<string, PersonDto>; of: (c: GrantCase) => QueueFields }> {
    const ids = rows.map((r) => r.id);
    const people = await this.people.byIds(rows.map((r) => r.assignedTo));
    if (ids.length === 0) return { people, of: () => ({}) };
    const [evaluations, decisions, requests] = await readSideBySide(this.db.manager, [
      () => (officer ? this.evaluations(ids) : Promise.resolve(new Map<string, EvaluationSummaryDto>())),
      () => this.decisions(ids, officer),
      () => this.openRequests(ids),
    ]);
    const now = this.clock.now().getTime();
    return {
      people,
      of: (c) => ({
        ageDays: c.receivedAt ? Math.floor((now - c.receivedAt.getTime()) / DAY) : null,
        evaluation: evaluations.get(c.id) ?? null,
        decision: decisions.get(c.id) ?? null,
        openCompletionRequest: requests.get(c.id) ?? null,
      }),
    };
  }

  private async evaluations(ids: string[]): Promise<Map<string, EvaluationSummaryDto>> {
    const rows: { case_id: string; outcome: string; max_grant: string; created_at: Date }[] =
      await this.db.query(
        `SELECT DISTINCT ON (case_id) case_id, outcome, max_grant::text, created_at
         FROM case_evaluation WHERE case_id = ANY($1) ORDER BY case_id, created_at DESC`,
        [ids],
      );
    return new Map(
      rows.map((r) => [
        r.case_id,
        { outcome: r.outcome, maxGrant: Number(r.max_grant), evaluatedAt: r.created_at.toISOString() },
      ]),
    );
  }

  /** The latest decision of each case (drafts only for officers: an applicant sees signed ones). */
  private async decisions(ids: string[], officer: boolean): Promise<Map<string, DecisionSummaryDto>> {
    const rows: {
      case_id: string;
      id: string;
      status: string;
      outcome: string;
      amount: string | null;
      letter_status: string | null;
    }[] = await this.db.query(
      `SELECT DISTINCT ON (d.case_id) d.case_id, d.id, d.status, d.outcome, d.amount::text,
              l.status AS letter_status
       FROM decision d LEFT JOIN decision_letter l ON l.decision_id = d.id
       WHERE d.case_id = ANY($1) ${officer ? '' : `AND d.status = 'signerat'`}
       ORDER BY d.case_id, d.created_at DESC`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.case_id,
        {
          id: r.id,
          status: r.status,
          outcome: r.outcome,
          amount: r.amount === null ? null : Number(r.amount),
          letterStatus: r.letter_status,
        },
      ]),
    );
  }

  private async openRequests(ids: string[]): Promise<Map<string, CompletionRequestDto>> {
    const rows = await this.db
      .getRepository(CompletionRequest)
      .find({ where: { caseId: In(ids), answeredAt: IsNull() } });
    const dtos = await this.completion.toDtos(rows);
    return new Map(dtos.map((d, i) => [rows[i].caseId, d]));
  }
}
