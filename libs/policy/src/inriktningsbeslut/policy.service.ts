import { Injectable } from '@nestjs/common';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { ReferenceCache } from '@anslag/database';
import { RuleSet, RusCatalogue, selectInForce, validateRuleSet } from '@anslag/rules';
import { Inriktningsbeslut } from '../entities/inriktningsbeslut.entity';
import { RusCatalogueRow } from '../entities/rus-catalogue.entity';
import { AdoptDto, ExtendDto, InriktningsbeslutDto } from './inriktningsbeslut.dto';

/** Every adopted decision with the exchange rates applied, and the RUS catalogues by id. */
interface Adopted {
  rows: Inriktningsbeslut[];
  ruleSets: Map<string, RuleSet>;
  rus: Map<string, RusCatalogue>;
}

export interface RulesInForce {
  row: Inriktningsbeslut;
  ruleSet: RuleSet;
  rus: RusCatalogue | undefined;
}

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The versioned inriktningsbeslut and RUS catalogues: drafts, adoption, extension, replacement, look-up by date. */
@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rates: ExchangeRatesService,
    private readonly cache: ReferenceCache,
  ) {}

  async list(): Promise<InriktningsbeslutDto[]> {
    const rows = await this.db
      .getRepository(Inriktningsbeslut)
      .find({ order: { validFrom: 'DESC', createdAt: 'DESC' } });
    return rows.map(InriktningsbeslutDto.from);
  }

  async get(id: string): Promise<InriktningsbeslutDto> {
    return InriktningsbeslutDto.from(await this.row(this.db.manager, id));
  }

  async createDraft(p: Principal, content: RuleSet): Promise<InriktningsbeslutDto> {
    await this.check(content);
    const row = await this.db.getRepository(Inriktningsbeslut).save({
      code: content.id,
      status: 'utkast',
      validFrom: content.validFrom,
      validTo: content.validTo,
      content,
      createdBy: p.userId,
    });
    return InriktningsbeslutDto.from(row);
  }

  async updateDraft(id: string, content: RuleSet): Promise<InriktningsbeslutDto> {
    await this.check(content);
    return this.db.transaction(async (em) => {
      const row = await this.row(em, id, true);
      if (row.status !== 'utkast')
        throw new DomainError(
          ErrorCode.CONFLICT,
          'Ett antaget inriktningsbeslut ändras inte; skapa ett nytt utkast',
        );
      Object.assign(row, {
        code: content.id,
        validFrom: content.validFrom,
        validTo: content.validTo,
        content,
      });
      return InriktningsbeslutDto.from(await em.save(row));
    });
  }

  /** Adopting replaces the adopted decisions it supersedes: they end the day before it begins. */
  async adopt(id: string, dto: AdoptDto): Promise<InriktningsbeslutDto> {
    return this.db.transaction(async (em) => {
      await em.query('LOCK TABLE inriktningsbeslut IN SHARE ROW EXCLUSIVE MODE');
      const row = await this.row(em, id, true);
      if (row.status !== 'utkast')
        throw new DomainError(ErrorCode.CONFLICT, 'Inriktningsbeslutet är redan antaget');
      const earlier = await em.find(Inriktningsbeslut, { where: { status: 'antaget' } });
      for (const e of earlier) {
        if (e.validFrom >= row.validFrom) {
          throw DomainError.validation(
            'content.validFrom',
            `ett antaget beslut gäller redan från ${e.validFrom}`,
          );
        }
        if (e.validTo === null || e.validTo >= row.validFrom) {
          e.validTo = dayBefore(row.validFrom);
          e.content = { ...e.content, validTo: e.validTo };
          await em.save(e);
        }
      }
      row.status = 'antaget';
      row.adoptedOn = dto.adoptedOn;
      row.paragraph = dto.paragraph;
      row.content = {
        ...row.content,
        references: [
          ...(row.content.references ?? []),
          {
            kind: 'beslut',
            organ: 'nämnden',
            date: dto.adoptedOn,
            paragraph: dto.paragraph,
            diarienummer: null,
          },
        ],
      };
      return InriktningsbeslutDto.from(await em.save(row));
    });
  }

  /** "Förlängning tills vidare": an adopted decision keeps applying, to a new end date or without one. */
  async extend(id: string, dto: ExtendDto): Promise<InriktningsbeslutDto> {
    return this.db.transaction(async (em) => {
      // The same table lock as adopt, taken first: adopt and extend at once queue instead of deadlocking.
      await em.query('LOCK TABLE inriktningsbeslut IN SHARE ROW EXCLUSIVE MODE');
      const row = await this.row(em, id, true);
      if (row.status !== 'antaget')
        throw new DomainError(ErrorCode.CONFLICT, 'Bara ett antaget inriktningsbeslut kan förlängas');
      const validTo = dto.validTo ?? null;
      if (validTo !== null && validTo < row.validFrom)
        throw DomainError.validation('validTo', 'slutdatum före startdatum');
      const later = await em.find(Inriktningsbeslut, { where: { status: 'antaget' } });
      if (later.some((l) => l.id !== row.id && l.validFrom > row.validFrom)) {
        throw new DomainError(ErrorCode.CONFLICT, 'Ett senare inriktningsbeslut har redan ersatt detta');
      }
      row.validTo = validTo;
      row.content = {
        ...row.content,
        validTo,
        references: [
          ...(row.content.references ?? []),
          {
            kind: 'forlangning',
            organ: 'nämnden',
            date: dto.decidedOn,
            paragraph: dto.paragraph,
            diarienummer: null,
          },
        ],
      };
      return InriktningsbeslutDto.from(await em.save(row));
    });
  }

  /**
   * The adopted decision in force on a date, with the RUS catalogue it refers to. Read from memory
   * (ReferenceCache): the adopted decisions change only by an adoption or an extension, and a what-if
   * over thousands of open cases asks once per registration date.
   */
  async inForce(date: string, em?: EntityManager): Promise<RulesInForce> {
    const rules = (await this.inForceOn(em))(date);
    if (!rules)
      throw new DomainError(ErrorCode.NO_RULES_IN_FORCE, `Inget antaget inriktningsbeslut gäller ${date}`);
    return rules;
  }

  /**
   * The adopted decisions as they are now, to look up the one in force on any number of dates without
   * a read each (the what-if asks for every registration date of the open cases). The same objects for
   * the same decisions as long as none changes (ReferenceCache).
   */
  async inForceOn(em?: EntityManager): Promise<(date: string) => RulesInForce | null> {
    const adopted = await this.cache.get('policy:adopted', (m) => this.adopted(m), em);
    return (date) => {
      const row = selectInForce(adopted.rows, date);
      return row
        ? { row, ruleSet: adopted.ruleSets.get(row.id)!, rus: adopted.rus.get(row.content.rusId) }
        : null;
    };
  }

  private async adopted(em: EntityManager): Promise<Adopted> {
    // One after the other: `em` may be a transaction's, one connection.
    const rows = await em.find(Inriktningsbeslut, { where: { status: In(['antaget']) } });
    const rus = await em.find(RusCatalogueRow);
    const ruleSets = new Map<string, RuleSet>();
    // The monthly euro rates are loaded by an administrator, not adopted with the decision.
    for (const row of rows) ruleSets.set(row.id, await this.rates.applyTo(row.content, em));
    return { rows, ruleSets, rus: new Map(rus.map((r) => [r.id, r.content])) };
  }

  async rus(id: string, em: EntityManager = this.db.manager): Promise<RusCatalogue | undefined> {
    return (await em.findOne(RusCatalogueRow, { where: { id } }))?.content;
  }

  async rusCatalogues(): Promise<RusCatalogue[]> {
    return (await this.db.getRepository(RusCatalogueRow).find({ order: { validFrom: 'ASC' } })).map(
      (r) => r.content,
    );
  }

  /** Policy validation by the rules library; the RUS catalogue it names must exist. */
  async check(content: RuleSet): Promise<void> {
    if (
      typeof content.id !== 'string' ||
      typeof content.rusId !== 'string' ||
      typeof content.validFrom !== 'string'
    ) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Ogiltigt inriktningsbeslut', [
        { field: 'content', problem: 'id, rusId och validFrom måste anges' },
      ]);
    }
    const rus = await this.rus(content.rusId);
    const problems = [
      ...(rus ? [] : [{ field: 'content.rusId', problem: `okänd RUS-katalog "${content.rusId}"` }]),
    ];
    try {
      problems.push(
        ...validateRuleSet(content, rus).map((x) => ({ field: `content.${x.field}`, problem: x.problem })),
      );
    } catch {
      problems.push({
        field: 'content',
        problem: 'inriktningsbeslutet saknar delar (frames, projectRanking, aidForms …)',
      });
    }
    if (problems.length)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Ogiltigt inriktningsbeslut', problems);
  }

  private async row(em: EntityManager, id: string, lock = false): Promise<Inriktningsbeslut> {
    const row = await em.findOne(Inriktningsbeslut, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) throw DomainError.notFound('Inriktningsbeslutet');
    return row;
  }
}
