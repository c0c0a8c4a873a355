import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { Clock, DomainError, type ErrorDetail } from '@anslag/common';
import { readSideBySide } from '@anslag/database';
import { formatKronor } from '@anslag/money';
import { AccessService } from '../access.service';
import { CatalogueService, requiredFor } from '../catalogue/catalogue.service';
import { Attachment } from '../entities/attachment.entity';
import { BudgetLine } from '../entities/budget-line.entity';
import { GrantCase } from '../entities/grant-case.entity';
import { summariseBudget } from './budget';
import { checkCodes } from './case-codes';

const kr = (n: number) => formatKronor(n, { space: ' ' });

/**
 * Everything that stands between a draft and "Skicka in", reported at once: the fields a track needs,
 * the required sections, a balanced budget, the attachments the aid form needs, and codes still in
 * their catalogues. The same check runs on submission and on its own, so a form can show every
 * problem before the applicant presses the button.
 */
@Injectable()
export class SubmissionCheckService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
  ) {}

  async check(p: Principal, id: string): Promise<{ ready: boolean; problems: ErrorDetail[] }> {
    const c = await this.db.getRepository(GrantCase).findOne({ where: { id } });
    if (!c) throw DomainError.notFound('Ärendet');
    await this.access.assertOrganisation(p, c.organisationId, 'Ärendet');
    const problems = await this.problems(this.db.manager, c);
    return { ready: problems.length === 0, problems };
  }

  async problems(em: EntityManager, c: GrantCase): Promise<ErrorDetail[]> {
    // Submission runs the check inside its transaction: there the reads go one after another.
    const [lines, attachments, cat, codes] = await readSideBySide(em, [
      () => em.find(BudgetLine, { where: { caseId: c.id } }),
      () => em.find(Attachment, { where: { caseId: c.id }, select: { id: true, type: true } }),
      () => this.catalogue.load(em),
      () => this.catalogue.inForce(this.clock.today(), em),
    ]);
    const missing = (field: string, problem = 'saknas') => ({ field, problem });
    const out: ErrorDetail[] = [];
    if (!c.title?.trim()) out.push(missing('title'));
    if (c.track === 'projekt') {
      if (!c.periodStart) out.push(missing('periodStart'));
      if (!c.periodEnd) out.push(missing('periodEnd'));
      if (!c.rusAreas.length) out.push(missing('rusAreas'));
      const s = summariseBudget(lines, cat.regionGrantFinanciers);
      if (s.costsTotal === 0) out.push({ field: 'budget.costs', problem: 'budgeten saknar kostnader' });
      else if (!s.balanced)
        out.push({
          field: 'budget',
          problem: `budgeten är inte fullt finansierad: kostnader ${kr(s.costsTotal)}, finansiering ${kr(s.financingTotal)}`,
        });
      if (s.costsTotal > 0 && s.askedOfRegion === 0)
        out.push({ field: 'budget.financing', problem: 'budgeten söker inga medel från regionen' });
    } else {
      if (!c.aidForm) out.push(missing('aidForm'));
      if (c.amountApplied === null) out.push(missing('amountApplied'));
      if (!c.plannedStart) out.push(missing('plannedStart'));
      if (!lines.some((l) => l.kind === 'cost')) out.push(missing('costLines'));
      if (c.collectiveAgreement === null) out.push(missing('collectiveAgreement'));
    }
    for (const s of cat.sectionEntries)
      if (requiredFor(s, c.track, c.aidForm) && !c.sections[s.code]?.trim())
        out.push({ field: `sections.${s.code}`, problem: `avsnittet "${s.name}" saknas` });
    const given = new Set(attachments.map((a) => a.type));
    for (const t of cat.attachmentTypes)
      if (requiredFor(t, c.track, c.aidForm) && !given.has(t.code))
        out.push({ field: `attachments.${t.code}`, problem: `bilagan "${t.name}" saknas` });
    out.push(
      ...checkCodes(
        {
          rusAreas: c.rusAreas,
          effektmal: c.effektmal,
          priorityClaims: c.priorityClaims,
          costLines:
            c.track === 'foretagsstod'
              ? lines
                  .filter((l) => l.kind === 'cost')
                  .map((l) => ({
                    description: l.label ?? '',
                    costType: l.costType ?? l.code,
                    amount: l.amount,
                  }))
              : undefined,
        },
        c.track,
        c.aidForm,
        cat,
        codes,
      ),
    );
    return out;
  }
}
