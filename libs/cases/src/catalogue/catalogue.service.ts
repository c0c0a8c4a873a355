import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReferenceCache } from '@anslag/database';
import { selectInForce, type RuleSet, type RusCatalogue } from '@anslag/rules';
import { CatalogueEntry } from '../entities/catalogue-entry.entity';
import { Municipality } from '../entities/municipality.entity';
import { RegionSetting } from '../entities/region-setting.entity';

export interface Catalogues {
  costCategories: Set<string>;
  financiers: Set<string>;
  regionGrantFinanciers: Set<string>;
  aidForms: Set<string>;
  /** "parent/sub-form" codes, e.g. kommersiell_service/hemsandningsbidrag */
  aidSubforms: Set<string>;
  /** Codes of the application's sections (sammanfattning, bakgrund …). */
  sections: Set<string>;
  /** The sections with their headings and where they are required. */
  sectionEntries: CatalogueEntry[];
  attachmentTypes: CatalogueEntry[];
}

/** The codes the rules in force and their RUS catalogue define (cost types, priority criteria, RUS). */
export interface CodesInForce {
  ruleSet: RuleSet | null;
  rus: RusCatalogue | null;
}

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: ReferenceCache,
  ) {}

  /** The active catalogues, from memory while no catalogue changed (ReferenceCache). */
  load(em?: EntityManager): Promise<Catalogues> {
    return this.cache.get('cases:catalogues', (m) => this.read(m), em);
  }

  private async read(em: EntityManager): Promise<Catalogues> {
    const rows = await em.find(CatalogueEntry, {
      where: { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
    const codes = (kind: string) =>
      new Set(rows.filter((r) => r.kind === kind && !r.parent).map((r) => r.code));
    return {
      costCategories: codes('cost_category'),
      financiers: codes('financier'),
      regionGrantFinanciers: new Set(
        rows.filter((r) => r.kind === 'financier' && r.regionGrant).map((r) => r.code),
      ),
      aidForms: codes('aid_form'),
      aidSubforms: new Set(
        rows.filter((r) => r.kind === 'aid_subform' && r.parent).map((r) => `${r.parent}/${r.code}`),
      ),
      sections: codes('application_section'),
      sectionEntries: rows.filter((r) => r.kind === 'application_section'),
      attachmentTypes: rows.filter((r) => r.kind === 'attachment_type'),
    };
  }

  /**
   * The adopted inriktningsbeslut in force on `date` and the RUS catalogue it builds on, read straight
   * from their tables (the policy library owns writing them; cases only needs their codes).
   */
  async inForce(date: string, em?: EntityManager): Promise<CodesInForce> {
    return inForceOn(await this.cache.get('cases:rules', (m) => this.adopted(m), em), date);
  }

  /**
   * The catalogues and the codes in force on `date` as this process keeps them, with the reference
   * counter they were read at, without reading the counter (ReferenceCache.kept): for a write whose
   * statement checks that the counter is still there. Null unless both are kept at the same counter.
   */
  async kept(date: string): Promise<{ catalogues: Catalogues; codes: CodesInForce; version: string } | null> {
    const catalogues = this.cache.kept<Catalogues>('cases:catalogues');
    const rules = this.cache.kept<Adopted>('cases:rules');
    if (!catalogues || !rules || catalogues.version !== rules.version) return null;
    try {
      const [cat, adopted] = await Promise.all([catalogues.value, rules.value]);
      return { catalogues: cat, codes: inForceOn(adopted, date), version: catalogues.version };
    } catch {
      return null; // a failed load: the caller reads afresh
    }
  }

  private async adopted(em: EntityManager): Promise<Adopted> {
    const rows: { valid_from: string; valid_to: string | null; content: RuleSet }[] = await em.query(
      `SELECT valid_from::text, valid_to::text, content FROM inriktningsbeslut WHERE status = 'antaget'`,
    );
    const rusRows: { id: string; valid_from: string; valid_to: string | null; content: RusCatalogue }[] =
      await em.query(`SELECT id, valid_from::text, valid_to::text, content FROM rus_catalogue`);
    return {
      rows: rows.map((r) => ({ validFrom: r.valid_from, validTo: r.valid_to, content: r.content })),
      rusRows: rusRows.map((r) => ({ ...r, validFrom: r.valid_from, validTo: r.valid_to })),
    };
  }

  list(): Promise<CatalogueEntry[]> {
    return this.db
      .getRepository(CatalogueEntry)
      .find({ order: { kind: 'ASC', sortOrder: 'ASC', code: 'ASC' } });
  }

  municipalities(): Promise<Municipality[]> {
    return this.db.getRepository(Municipality).find({ order: { name: 'ASC' } });
  }

  async setting<T>(key: string, fallback: T, em: EntityManager = this.db.manager): Promise<T> {
    const row = await em.findOne(RegionSetting, { where: { key } });
    return (row?.value as T) ?? fallback;
  }
}

/** The adopted rule sets and the RUS catalogues, as kept. */
interface Adopted {
  rows: { validFrom: string; validTo: string | null; content: RuleSet }[];
  rusRows: { id: string; validFrom: string; validTo: string | null; content: RusCatalogue }[];
}

function inForceOn({ rows, rusRows }: Adopted, date: string): CodesInForce {
  const row = selectInForce(rows, date);
  const ruleSet = row?.content ?? null;
  const rus = rusRows.find((r) => r.id === ruleSet?.rusId) ?? selectInForce(rusRows, date) ?? null;
  return { ruleSet, rus: rus?.content ?? null };
}

/** Whether a section or attachment type is required for a case of this track and aid form. */
export function requiredFor(entry: CatalogueEntry, track: string, aidForm: string | null): boolean {
  return entry.requiredFor.some((r) => r === track || (aidForm !== null && r === `${track}:${aidForm}`));
}

/** The cost types an aid form allows: its eligible list, or every known type it does not exclude. */
export function costTypesAllowed(ruleSet: RuleSet, aidForm: string): string[] {
  const form = ruleSet.aidForms[aidForm];
  if (!form) return [];
  const all = Object.keys(ruleSet.costTypes);
  return (form.eligibleCostTypes ?? all).filter((c) => !form.excludedCostTypes.includes(c));
}

/** The priority criteria an applicant may claim for an aid form: the form's own and the firm criteria. */
export function priorityCriteriaFor(ruleSet: RuleSet, aidForm: string | null) {
  const own = aidForm ? (ruleSet.aidForms[aidForm]?.priorityCriteria ?? []) : [];
  return [...own, ...ruleSet.firmPriorityCriteria];
}
