import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, Role } from '@anslag/auth';
import { Clock, DomainError, ErrorCode, ErrorDetail } from '@anslag/common';
import { insertRows, insertSql, insertTogether, ReferenceCache, type RowsInsert } from '@anslag/database';
import { AccessService } from '../access.service';
import { Catalogues, CatalogueService, CodesInForce } from '../catalogue/catalogue.service';
import { BudgetLine } from '../entities/budget-line.entity';
import { DeMinimisDeclaration } from '../entities/de-minimis-declaration.entity';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { checkBudgetLines } from './budget';
import { checkCodes } from './case-codes';
import { CaseFieldsDto, CreateCaseDto, UpdateCaseDto } from './case.dto';
import { APPLICANT_EDITABLE, OFFICER_EDITABLE } from './case-lifecycle';
import { type CaseRow, CaseQueryService } from './case-query.service';
import type { CaseDto } from './case-response.dto';

const PROJECT_ONLY = [
  'periodStart',
  'periodEnd',
  'forstudie',
  'euCofinancing',
  'buildsOnEarlier',
  'rusAreas',
  'effektmal',
  'sections',
  'budget',
  'stateAidAssessment',
] as const;
const COMPANY_ONLY = [
  'aidForm',
  'aidSubform',
  'amountApplied',
  'costLines',
  'deMinimis',
  'plannedStart',
  'collectiveAgreement',
  'priorityClaims',
  'stateAidFacts',
  'homeDelivery',
  'euBasis',
] as const;
const SCALARS = [
  'title',
  'description',
  'periodStart',
  'periodEnd',
  'forstudie',
  'euCofinancing',
  'buildsOnEarlier',
  'rusAreas',
  'effektmal',
  'sections',
  'aidForm',
  'aidSubform',
  'amountApplied',
  'plannedStart',
  'collectiveAgreement',
  'priorityClaims',
  'secrecyMarking',
  'stateAidFacts',
  'homeDelivery',
  'euBasis',
  'stateAidAssessment',
] as const;

/** Creating and changing an application; every change lands in the history in the same transaction. */
@Injectable()
export class CaseWriteService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly catalogue: CatalogueService,
    private readonly history: HistoryService,
    private readonly query: CaseQueryService,
    private readonly clock: Clock,
  ) {}

  async create(p: Principal, dto: CreateCaseDto): Promise<CaseDto> {
    // The catalogues and the rules in force as this process keeps them, without reading the reference
    // counter: the insert statement checks that it has not moved since (one round trip less). An
    // application they refuse, or one whose statement finds them changed, is decided on the reference data
    // as they are now, read as before. The catalogues are read before the insert, not in a transaction
    // (ReferenceCache; read in a transaction they were loaded afresh every time): under READ COMMITTED a
    // read inside it would see nothing more settled, it locks nothing.
    const today = this.clock.today();
    const [, kept] = await Promise.all([
      this.access.assertOrganisation(p, dto.organisationId, 'Organisationen'),
      this.catalogue.kept(today),
    ]);
    if (kept && !this.problems(dto.track, dto, kept.catalogues, kept.codes).length) {
      try {
        return await this.insertCase(p, dto, kept.catalogues, kept.version);
      } catch (err) {
        if (!ReferenceCache.changed(err)) throw err;
      }
    }
    const [cat, codes] = await Promise.all([this.catalogue.load(), this.catalogue.inForce(today)]);
    this.checkFields(dto.track, dto, cat, codes);
    return this.insertCase(p, dto, cat);
  }

  /**
   * The case, its budget and declarations, its history entry and the read of the answer: one statement
   * (insertTogether), so one round trip and one transaction, with the case's id made here so that the
   * rows can name it. With `referenceVersion`, the statement fails unless the reference counter is there.
   */
  private async insertCase(
    p: Principal,
    dto: CreateCaseDto,
    cat: Catalogues,
    referenceVersion?: string,
  ): Promise<CaseDto> {
    const id = randomUUID();
    const c: Partial<GrantCase> = {
      id,
      track: dto.track,
      organisationId: dto.organisationId,
      status: 'utkast',
      createdBy: p.userId,
    };
    this.applyScalars(c, dto);
    const [row] = await insertTogether<CaseRow>(
      this.db,
      [
        insertRows(this.db, GrantCase, [c]),
        ...this.newLines(id, dto),
        this.history.insert({ caseId: id, actor: p, action: 'skapad', after: dto }),
      ],
      this.query.readBack(id, referenceVersion),
    );
    return this.query.answer(row, cat);
  }

  async update(p: Principal, id: string, dto: UpdateCaseDto): Promise<CaseDto> {
    await this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw DomainError.notFound('Ärendet');
      await this.access.assertOrganisation(p, c.organisationId, 'Ärendet', em);
      const officer = this.access.isOfficer(p);
      const editable = officer && p.roles.includes(Role.handlaggare) ? OFFICER_EDITABLE : APPLICANT_EDITABLE;
      if (!editable.includes(c.status)) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Ärendet kan inte ändras i status "${c.status}"`);
      }
      if (officer && !p.roles.includes(Role.handlaggare))
        throw new DomainError(ErrorCode.FORBIDDEN, 'Din roll får inte ändra ansökningar');
      const cat = await this.catalogue.load(em);
      const codes = await this.catalogue.inForce(c.registrationDate ?? this.clock.today(), em);
      this.checkFields(c.track, dto, cat, codes, c);
      const before = this.pick(c, dto);
      if (dto.budget || dto.costLines)
        before.budgetLines = await em.find(BudgetLine, {
          where: { caseId: c.id },
          order: { position: 'ASC' },
        });
      if (dto.deMinimis) before.deMinimis = await em.find(DeMinimisDeclaration, { where: { caseId: c.id } });
      this.applyScalars(c, dto);
      await em.save(c);
      await this.replaceLines(em, c, dto);
      await this.history.record(em, {
        caseId: c.id,
        actor: p,
        action: 'ändrad',
        before,
        after: dto,
      });
    });
    return this.query.get(p, id);
  }

  private checkFields(
    track: GrantCase['track'],
    dto: CaseFieldsDto,
    cat: Catalogues,
    codes: CodesInForce,
    current?: GrantCase,
  ): void {
    const problems = this.problems(track, dto, cat, codes, current);
    if (problems.length)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Ogiltiga uppgifter i ansökan', problems);
  }

  /** What is wrong with the fields for the track, the catalogues and the rules in force, all at once. */
  private problems(
    track: GrantCase['track'],
    dto: CaseFieldsDto,
    cat: Catalogues,
    codes: CodesInForce,
    current?: GrantCase,
  ): ErrorDetail[] {
    const problems: ErrorDetail[] = [];
    const wrong = track === 'projekt' ? COMPANY_ONLY : PROJECT_ONLY;
    for (const f of wrong)
      if (dto[f] !== undefined)
        problems.push({
          field: f,
          problem: `gäller inte ${track === 'projekt' ? 'projekt' : 'företagsstöd'}`,
        });
    const start = dto.periodStart ?? current?.periodStart ?? null;
    const end = dto.periodEnd ?? current?.periodEnd ?? null;
    if (start && end && end < start)
      problems.push({ field: 'periodEnd', problem: 'slutdatum före startdatum' });
    if (dto.aidForm !== undefined && !cat.aidForms.has(dto.aidForm))
      problems.push({
        field: 'aidForm',
        problem: `okänd stödform "${dto.aidForm}"`,
        allowed: [...cat.aidForms],
      });
    if (dto.aidSubform !== undefined) {
      const form = dto.aidForm ?? current?.aidForm;
      if (!cat.aidSubforms.has(`${form}/${dto.aidSubform}`))
        problems.push({
          field: 'aidSubform',
          problem: `"${dto.aidSubform}" är ingen delform av ${form ?? 'vald stödform'}`,
          allowed: [...cat.aidSubforms].filter((s) => s.startsWith(`${form}/`)).map((s) => s.split('/')[1]),
        });
    }
    // Section codes come from the region's catalogue when it has one.
    // Section codes are checked in checkCodes (with the allowed codes), once.
    if (dto.budget) {
      const lines = [
        ...dto.budget.costs.map((l, i) => ({
          kind: 'cost' as const,
          code: l.category,
          year: l.year,
          amount: l.amount,
          field: `budget.costs[${i}]`,
        })),
        ...dto.budget.financing.map((l, i) => ({
          kind: 'financing' as const,
          code: l.financier,
          year: l.year,
          amount: l.amount,
          field: `budget.financing[${i}]`,
        })),
        ...(dto.budget.inKind ?? []).map((l, i) => ({
          kind: 'in_kind' as const,
          code: l.contributor,
          year: l.year,
          amount: l.amount,
          field: `budget.inKind[${i}]`,
        })),
      ];
      problems.push(
        ...checkBudgetLines(lines, {
          periodStart: start,
          periodEnd: end,
          costCategories: cat.costCategories,
          financiers: cat.financiers,
        }),
      );
    }
    problems.push(...checkCodes(dto, track, dto.aidForm ?? current?.aidForm ?? null, cat, codes));
    return problems;
  }

  private applyScalars(c: Partial<GrantCase>, dto: CaseFieldsDto): void {
    for (const f of SCALARS) if (dto[f] !== undefined) (c as unknown as Record<string, unknown>)[f] = dto[f];
  }

  /** The budget and declarations given replace those stored. */
  private async replaceLines(em: EntityManager, c: GrantCase, dto: CaseFieldsDto): Promise<void> {
    if (dto.budget || dto.costLines) await em.delete(BudgetLine, { caseId: c.id });
    if (dto.deMinimis) await em.delete(DeMinimisDeclaration, { caseId: c.id });
    for (const insert of this.newLines(c.id, dto)) await em.query(insertSql(insert), insert.params);
  }

  /** The INSERTs of the budget lines and declarations given, if any (multi-row, one per table). */
  private newLines(caseId: string, dto: CaseFieldsDto): RowsInsert[] {
    const inserts: RowsInsert[] = [];
    const insert = <T extends BudgetLine | DeMinimisDeclaration>(entity: new () => T, rows: Partial<T>[]) => {
      if (rows.length) inserts.push(insertRows(this.db, entity, rows));
    };
    if (dto.budget) {
      // The fields of each row in its literal: fields added after a spread are slow to define (Node 20).
      let position = 0;
      const rows: Partial<BudgetLine>[] = [
        ...dto.budget.costs.map((l) => ({
          caseId,
          kind: 'cost' as const,
          code: l.category,
          year: l.year,
          amount: l.amount,
          position: position++,
        })),
        ...dto.budget.financing.map((l) => ({
          caseId,
          kind: 'financing' as const,
          code: l.financier,
          label: l.label ?? null,
          year: l.year,
          amount: l.amount,
          financingForm: l.form ?? 'kontant',
          position: position++,
        })),
        ...(dto.budget.inKind ?? []).map((l) => ({
          caseId,
          kind: 'in_kind' as const,
          code: l.contributor,
          year: l.year,
          amount: l.amount,
          position: position++,
        })),
      ];
      insert(BudgetLine, rows);
    }
    if (dto.costLines)
      insert(
        BudgetLine,
        dto.costLines.map((l, i) => ({
          caseId,
          kind: 'cost' as const,
          code: l.costType,
          label: l.description,
          year: null,
          amount: l.amount,
          costType: l.costType,
          dated: l.dated ?? null,
          position: i,
        })),
      );
    if (dto.deMinimis)
      insert(
        DeMinimisDeclaration,
        dto.deMinimis.map((d) => ({ ...d, caseId })),
      );
    return inserts;
  }

  private pick(c: GrantCase, dto: CaseFieldsDto): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(dto))
      if (k in c && (dto as Record<string, unknown>)[k] !== undefined)
        out[k] = (c as unknown as Record<string, unknown>)[k];
    return out;
  }
}
