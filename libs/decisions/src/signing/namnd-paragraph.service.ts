import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { HistoryService } from '@anslag/cases';
import { DecisionLetterStore } from '@anslag/letters';
import { Decision } from '../entities/decision.entity';
import { DecisionDto, RecordParagraphDto } from './decision.dto';

/**
 * The protocol's § of a nämnd decision recorded after the meeting. The letter of the nämnd's own decision
 * names it ("Beslut av … § …") and waits for it; once recorded, the letter is asked for again.
 */
@Injectable()
export class NamndParagraphService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
  ) {}

  async record(p: Principal, id: string, dto: RecordParagraphDto): Promise<DecisionDto> {
    return this.db.transaction(async (em) => {
      const d = await em.findOne(Decision, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw DomainError.notFound('Beslutet');
      if (d.status !== 'signerat' || !d.decidedByNamnd)
        throw new DomainError(
          ErrorCode.CONFLICT,
          'Bara nämndens eget fattade beslut har en protokollparagraf',
        );
      if (d.namndParagraph)
        throw new DomainError(ErrorCode.DECISION_SIGNED, 'Protokollets paragraf är redan införd', [
          { field: 'paragraph', problem: `är ${d.namndParagraph}` },
        ]);
      d.namndParagraph = dto.paragraph.trim();
      const saved = await em.save(d);
      await this.history.record(em, {
        caseId: d.caseId,
        actor: p,
        action: 'protokollparagraf_införd',
        after: { decisionId: d.id, namndParagraph: saved.namndParagraph },
      });
      // The letter waited for the §: put it back on the queue unless it is already produced.
      const [letter] = (await em.query(
        `SELECT status FROM decision_letter WHERE decision_id = $1 FOR UPDATE`,
        [d.id],
      )) as { status: string }[];
      if (letter && letter.status !== 'done') await DecisionLetterStore.requeue(em, d.id);
      return DecisionDto.from(saved);
    });
  }
}
