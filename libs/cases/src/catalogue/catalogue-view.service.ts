import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainError, ErrorCode } from '@anslag/common';
import { MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service';
import { ALLOWED_TYPES } from '../attachments/content-type';
import { CatalogueEntry, type CatalogueKind } from '../entities/catalogue-entry.entity';
import { Municipality } from '../entities/municipality.entity';
import {
  AidFormDto,
  AttachmentTypesDto,
  CatalogueEntryDto,
  CodeNameDto,
  CostTypeDto,
  FinancierDto,
  KommunDto,
  PriorityCriterionDto,
  RusInForceDto,
  SectionDto,
  UpsertCatalogueEntryDto,
} from './catalogue.dto';
import { CatalogueService, costTypesAllowed, type CodesInForce } from './catalogue.service';

const section = (e: CatalogueEntry): SectionDto => ({
  code: e.code,
  name: e.name,
  description: e.description,
  tracks: e.tracks,
  requiredFor: e.requiredFor,
});

/** What a client needs to fill and show an application: every code with its Swedish label. */
@Injectable()
export class CatalogueViewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
  ) {}

  private entries(kind: CatalogueKind): Promise<CatalogueEntry[]> {
    return this.db
      .getRepository(CatalogueEntry)
      .find({ where: { kind, active: true }, order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  private codes(date?: string): Promise<CodesInForce> {
    return this.catalogue.inForce(date ?? this.clock.today());
  }

  async kommuner(): Promise<KommunDto[]> {
    return (await this.catalogue.municipalities()).map((m) => ({ code: m.code, name: m.name }));
  }

  async aidForms(date?: string): Promise<AidFormDto[]> {
    const [forms, subs, attachments, { ruleSet }] = await Promise.all([
      this.entries('aid_form'),
      this.entries('aid_subform'),
      this.entries('attachment_type'),
      this.codes(date),
    ]);
    return forms.map((f) => {
      const rules = ruleSet?.aidForms[f.code];
      return {
        code: f.code,
        name: f.name,
        subforms: subs.filter((s) => s.parent === f.code).map((s) => ({ code: s.code, name: s.name })),
        costTypes: ruleSet ? costTypesAllowed(ruleSet, f.code) : [],
        maxShareBp: rules?.maxShareBp ?? null,
        maxPerDecision: rules?.maxPerDecision ?? null,
        maxPerCompany: rules?.maxPerCompany ?? null,
        priorityCriteria: [
          ...(rules?.priorityCriteria ?? []),
          ...(rules ? (ruleSet?.firmPriorityCriteria ?? []) : []),
        ].map((c) => c.code),
        requiredAttachmentTypes: attachments
          .filter(
            (a) => a.requiredFor.includes(`foretagsstod:${f.code}`) || a.requiredFor.includes('foretagsstod'),
          )
          .map((a) => a.code),
        inRules: rules !== undefined,
      };
    });
  }

  async costCategories(): Promise<CodeNameDto[]> {
    return (await this.entries('cost_category')).map((e) => ({ code: e.code, name: e.name }));
  }

  async costTypes(date?: string): Promise<CostTypeDto[]> {
    const { ruleSet } = await this.codes(date);
    if (!ruleSet) return [];
    return Object.entries(ruleSet.costTypes).map(([code, name]) => ({
      code,
      name,
      aidForms: Object.keys(ruleSet.aidForms).filter((f) => costTypesAllowed(ruleSet, f).includes(code)),
    }));
  }

  async financiers(): Promise<FinancierDto[]> {
    return (await this.entries('financier')).map((e) => ({
      code: e.code,
      name: e.name,
      sector: e.sector,
      regionGrant: e.regionGrant,
    }));
  }

  async rus(date?: string): Promise<RusInForceDto> {
    const { rus } = await this.codes(date);
    if (!rus) throw new DomainError(ErrorCode.NO_RULES_IN_FORCE, 'Ingen RUS-katalog gäller det datumet');
    return {
      id: rus.id,
      title: rus.title,
      areas: rus.areas.map((a) => ({ code: a.code, name: a.name, number: a.number ?? null })),
      effektmal: rus.effektmal.map((e) => ({ code: e.code, name: e.name, goal: e.goal ?? null })),
      overallGoals: rus.overallGoals.map((g) => ({ code: g.code, name: g.name })),
    };
  }

  async priorityCriteria(date?: string): Promise<PriorityCriterionDto[]> {
    const { ruleSet } = await this.codes(date);
    if (!ruleSet) return [];
    const out: PriorityCriterionDto[] = ruleSet.firmPriorityCriteria.map((c) => ({
      code: c.code,
      text: c.text,
      aidForms: [],
    }));
    for (const form of Object.values(ruleSet.aidForms))
      for (const c of form.priorityCriteria) {
        const seen = out.find((o) => o.code === c.code);
        if (seen) seen.aidForms.push(form.code);
        else out.push({ code: c.code, text: c.text, aidForms: [form.code] });
      }
    return out;
  }

  async sections(): Promise<SectionDto[]> {
    return (await this.entries('application_section')).map(section);
  }

  async attachmentTypes(): Promise<AttachmentTypesDto> {
    return {
      maxBytes: MAX_ATTACHMENT_BYTES,
      contentTypes: Object.keys(ALLOWED_TYPES),
      types: (await this.entries('attachment_type')).map(section),
    };
  }

  async allEntries(): Promise<CatalogueEntryDto[]> {
    return (await this.catalogue.list()).map(CatalogueEntryDto.from);
  }

  /** An administrator adds or changes an entry; codes are never removed, only made inactive. */
  async upsertEntry(
    kind: CatalogueKind,
    code: string,
    dto: UpsertCatalogueEntryDto,
  ): Promise<CatalogueEntryDto> {
    if (kind === 'aid_subform' && !dto.parent)
      throw DomainError.validation('parent', 'en delform anger sin stödform');
    if (dto.parent && kind !== 'aid_subform')
      throw DomainError.validation('parent', 'bara delformer har en stödform');
    return this.db.transaction(async (em) => {
      if (dto.parent && !(await em.exists(CatalogueEntry, { where: { kind: 'aid_form', code: dto.parent } })))
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Okänd stödform', [
          {
            field: 'parent',
            problem: `okänd stödform "${dto.parent}"`,
            allowed: (await em.find(CatalogueEntry, { where: { kind: 'aid_form' } })).map((f) => f.code),
          },
        ]);
      const existing = await em.findOne(CatalogueEntry, { where: { kind, code } });
      const row = em.merge(CatalogueEntry, existing ?? em.create(CatalogueEntry, { kind, code }), {
        name: dto.name,
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        ...(dto.sector !== undefined ? { sector: dto.sector } : {}),
        ...(dto.regionGrant !== undefined ? { regionGrant: dto.regionGrant } : {}),
        ...(dto.parent !== undefined ? { parent: dto.parent } : {}),
        ...(dto.tracks !== undefined ? { tracks: dto.tracks } : {}),
        ...(dto.requiredFor !== undefined ? { requiredFor: dto.requiredFor } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
        ...(dto.sortOrder !== undefined ? { sortOrder: dto.sortOrder } : {}),
      });
      return CatalogueEntryDto.from(await em.save(row));
    });
  }

  async upsertKommun(code: string, name: string): Promise<KommunDto> {
    await this.db.getRepository(Municipality).upsert({ code, name }, ['code']);
    return { code, name };
  }
}
