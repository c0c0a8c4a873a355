import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Account } from '@anslag/auth';
import type { PersonDto } from './case-response.dto';

/** Names, not ids: the display name and title of the people a response mentions, in one query. */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byIds(ids: readonly (string | null | undefined)[]): Promise<Map<string, PersonDto>> {
    const wanted = [...new Set(ids.filter((i): i is string => !!i))];
    if (wanted.length === 0) return new Map();
    const rows = await this.db.getRepository(Account).find({
      where: { id: In(wanted) },
      select: { id: true, displayName: true, title: true },
    });
    return new Map(rows.map((a) => [a.id, { id: a.id, displayName: a.displayName, title: a.title }]));
  }
}
