import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueEntry } from '../entities/catalogue-entry.entity';
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
}

@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(em: EntityManager = this.db.manager): Promise<Catalogues> {
    const rows = await em.find(CatalogueEntry, { where: { active: true } });
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
    };
  }

  list(): Promise<CatalogueEntry[]> {
    return this.db
      .getRepository(CatalogueEntry)
      .find({ order: { kind: 'ASC', sortOrder: 'ASC', code: 'ASC' } });
  }

  async setting<T>(key: string, fallback: T, em: EntityManager = this.db.manager): Promise<T> {
    const row = await em.findOne(RegionSetting, { where: { key } });
    return (row?.value as T) ?? fallback;
  }
}
