import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError } from '@anslag/common';
import { assertPeriod } from '../shared/period';
import { CreatePresentationDto, PresentationDto, type PresentationRow } from './delegation-report.dto';

export const NOTHING_TO_PRESENT = 'NOTHING_TO_PRESENT';
DomainError.register(NOTHING_TO_PRESENT, 409);

const COLUMNS = `id, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to,
  delegation_point, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, paragraph, decision_count, presented_by,
  created_at`;

/**
 * Marks a delegation report as presented to a nämnd meeting: in one transaction every signed, delegated
 * decision of the period (and point) that no earlier presentation stamped gets this presentation's id.
 * Setting reported_in is the one change the immutability trigger allows on a signed decision. Two
 * presentations of overlapping periods at once stamp each decision once: the UPDATE takes the row locks
 * and re-checks `reported_in IS NULL` after waiting.
 */
@Injectable()
export class ReportPresentationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async present(p: Principal, dto: CreatePresentationDto): Promise<PresentationDto> {
    assertPeriod(dto.from, dto.to);
    if (dto.meetingDate < dto.to)
      throw DomainError.validation('meetingDate', 'sammanträdet kan inte ligga före periodens slut');
    const id = randomUUID();
    return this.db.transaction(async (em) => {
      const [stamped]: [{ id: string }[], number] = await em.query(
        `UPDATE decision SET reported_in = $4, updated_at = now(), version = version + 1
         WHERE status = 'signerat' AND NOT decided_by_namnd AND delegation_point IS NOT NULL
           AND decision_date BETWEEN $1::date AND $2::date
           AND ($3::text IS NULL OR delegation_point = $3::text)
           AND reported_in IS NULL
         RETURNING id`,
        [dto.from, dto.to, dto.point ?? null, id],
      );
      if (stamped.length === 0)
        throw new DomainError(
          NOTHING_TO_PRESENT,
          'Det finns inga orapporterade delegationsbeslut i perioden',
        );
      const [row]: PresentationRow[] = await em.query(
        `INSERT INTO report_presentation
           (id, period_from, period_to, delegation_point, meeting_date, paragraph, decision_count, presented_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [
          id,
          dto.from,
          dto.to,
          dto.point ?? null,
          dto.meetingDate,
          dto.paragraph.trim(),
          stamped.length,
          p.userId,
        ],
      );
      return PresentationDto.from(row);
    });
  }

  async list(): Promise<PresentationDto[]> {
    const rows: PresentationRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM report_presentation ORDER BY meeting_date DESC, created_at DESC`,
    );
    return rows.map(PresentationDto.from);
  }
}
