import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import type { ExchangeRate, RuleSet } from '@anslag/rules';
import { ExchangeRateRow } from '../entities/exchange-rate.entity';
import type { ExchangeRateDto, LoadExchangeRatesDto } from './exchange-rates.dto';

const toDto = (r: ExchangeRateRow): ExchangeRateDto => ({
  month: r.month,
  orePerEur: r.orePerEur,
  source: r.source,
  loadedAt: r.loadedAt.toISOString(),
});

/** The Commission's monthly euro rates an administrator loads; every evaluation converts with them. */
@Injectable()
export class ExchangeRatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<ExchangeRateDto[]> {
    const rows = await this.db.getRepository(ExchangeRateRow).find({ order: { month: 'ASC' } });
    return rows.map(toDto);
  }

  /** Upserts the months given; a month loaded again takes the new rate (a correction). */
  async load(p: Principal, dto: LoadExchangeRatesDto): Promise<ExchangeRateDto[]> {
    await this.db.transaction(async (em) => {
      await em.upsert(
        ExchangeRateRow,
        dto.rates.map((r) => ({
          month: r.month,
          orePerEur: r.orePerEur,
          source: r.source,
          loadedBy: p.userId,
        })),
        ['month'],
      );
    });
    return this.list();
  }

  /** The rule set with the loaded monthly rates; a loaded month replaces the rule set's own entry. */
  async applyTo(ruleSet: RuleSet, em: EntityManager = this.db.manager): Promise<RuleSet> {
    const rows = await em.getRepository(ExchangeRateRow).find();
    if (rows.length === 0) return ruleSet;
    const loaded: ExchangeRate[] = rows.map((r) => ({
      from: `${r.month}-01`,
      orePerEur: r.orePerEur,
      source: r.source,
    }));
    const months = new Set(rows.map((r) => r.month));
    const own = ruleSet.deMinimis.exchangeRates.filter((r) => !months.has(r.from.slice(0, 7)));
    return { ...ruleSet, deMinimis: { ...ruleSet.deMinimis, exchangeRates: [...own, ...loaded] } };
  }
}
