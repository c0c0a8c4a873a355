import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Account, type Principal, Role } from '@anslag/auth';
import { Clock } from '@anslag/common';
import { readSideBySide } from '@anslag/database';
import { DECIDABLE, GrantCase, PeopleService } from '@anslag/cases';
import { FramesService, PolicyService, type RulesInForce } from '@anslag/policy';
import { frameStatus, type FrameUsage } from '@anslag/rules';
import { coveringPoint, coveringPointSql } from '../delegation/delegation.service';
import { DelegationPoint } from '../entities/delegation-point.entity';
import { Decision } from '../entities/decision.entity';
import type { DecisionListItemDto, DecisionListQueryDto, DecisionPageDto } from './decision-list.dto';

/**
 * The decision makers' list: drafts with what signing needs (amount, point, the evaluated maximum,
 * frame warnings, jäv) and whether the reader may sign each now. The page is one plain ordered query
 * (for "signable by me" with the judgement in its condition); the rest is read for the page's decisions
 * only.
 */
@Injectable()
export class DecisionListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleService,
    private readonly policy: PolicyService,
    private readonly frames: FramesService,
    private readonly clock: Clock,
  ) {}

  async list(p: Principal, q: DecisionListQueryDto): Promise<DecisionPageDto> {
    const status = q.status ?? 'utkast';
    const qb = this.db
      .getRepository(Decision)
      .createQueryBuilder('d')
      .where('d.status = :status', { status })
      .orderBy('d.created_at', status === 'utkast' ? 'ASC' : 'DESC')
      .addOrderBy('d.id', 'ASC');
    const me = await this.db.getRepository(Account).findOne({ where: { id: p.userId } });
    const held = p.roles.includes(Role.beslutsfattare) ? (me?.delegationPoints ?? []) : [];
    const today = this.clock.today();
    if (q.signableByMe) {
      // Only what the reader could sign now, cut in the query: the judgement below, in SQL (drafts for
      // delegation, not sent back, without the reader's jäv, the case open for the decision, a point the
      // reader holds covering it), so that a page reads its own drafts only however many wait.
      if (!p.roles.includes(Role.beslutsfattare))
        return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      qb.andWhere('d.status = :draft AND NOT d.decided_by_namnd AND d.returned_at IS NULL', {
        draft: 'utkast',
      })
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM conflict_of_interest j WHERE j.case_id = d.case_id AND j.account_id = :me)',
          { me: p.userId },
        )
        .andWhere(
          `EXISTS (SELECT 1 FROM grant_case c WHERE c.id = d.case_id
             AND c.status = ANY(CASE WHEN d.kind = 'andringsbeslut' THEN ARRAY['beslutad'] ELSE :decidable::text[] END)
             AND ${coveringPointSql('c.track', 'd.aid_form', 'd.amount')})`,
          { decidable: DECIDABLE, heldPoints: held, coverageDate: today },
        );
    }
    const total = await qb.getCount();
    const all = await qb
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getMany();
    const [cases, points, jav] = await readSideBySide(this.db.manager, [
      () => this.cases(all.map((d) => d.caseId)),
      () => this.db.getRepository(DelegationPoint).find(),
      () => this.jav(all.map((d) => d.caseId)),
    ]);
    const page = all.map((d) => {
      const c = cases.get(d.caseId);
      const question = {
        track: c?.track ?? 'projekt',
        aidForm: d.aidForm,
        amount: d.amount ?? 0,
        date: today,
      };
      const covering =
        d.status === 'signerat'
          ? null
          : coveringPoint(points, { ...question, heldPoints: points.map((x) => x.point) });
      const mine = coveringPoint(points, { ...question, heldPoints: held });
      const javIds = jav.get(d.caseId) ?? [];
      const open = d.kind === 'andringsbeslut' ? ['beslutad'] : DECIDABLE;
      const reason =
        d.status !== 'utkast'
          ? 'beslutet är redan fattat'
          : d.decidedByNamnd
            ? 'beslutet fattas av nämnden'
            : d.returnedAt
              ? 'utkastet är tillbakaskickat till handläggaren'
              : !p.roles.includes(Role.beslutsfattare)
                ? 'du är inte beslutsfattare'
                : javIds.includes(p.userId)
                  ? 'du har anmält jäv i ärendet'
                  : !c || !open.includes(c.status)
                    ? `ärendet har status "${c?.status ?? 'okänd'}"`
                    : !mine
                      ? 'ingen delegationspunkt du innehar omfattar beslutet'
                      : null;
      return { d, c, covering, javIds, reason };
    });
    const people = await this.people.byIds(page.flatMap((j) => [j.d.draftedBy, j.d.signedBy, ...j.javIds]));
    const items: DecisionListItemDto[] = [];
    const frameWarnings = this.frameWarner();
    for (const { d, c, covering, javIds, reason } of page)
      items.push({
        id: d.id,
        caseId: d.caseId,
        diarienummer: c?.diarienummer ?? null,
        title: c?.title ?? '',
        organisationName: c?.organisation?.name ?? null,
        track: c?.track ?? 'projekt',
        kind: d.kind,
        status: d.status,
        outcome: d.outcome,
        amount: d.amount,
        shareBp: d.shareBp,
        evaluatedMax: d.evaluatedMax,
        aboveEvaluatedMax: d.amount !== null && d.evaluatedMax !== null && d.amount > d.evaluatedMax,
        aidForm: d.aidForm,
        delegationPoint: d.delegationPoint ?? covering?.point ?? null,
        decidedByNamnd: d.decidedByNamnd,
        frameWarnings: d.status === 'utkast' && c ? await frameWarnings(d, c) : [],
        jav: javIds.map((id) => people.get(id)).filter((x) => x !== undefined),
        draftedBy: d.draftedBy ? (people.get(d.draftedBy) ?? null) : null,
        signedBy: d.signedBy ? (people.get(d.signedBy) ?? null) : null,
        returnedAt: d.returnedAt?.toISOString() ?? null,
        returnComment: d.returnComment,
        decisionDate: d.decisionDate,
        signableByMe: reason === null,
        notSignableReason: reason,
      });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  private async cases(ids: string[]): Promise<Map<string, GrantCase>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .getRepository(GrantCase)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.organisation', 'o')
      .where('c.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(rows.map((c) => [c.id, c]));
  }

  private async jav(caseIds: string[]): Promise<Map<string, string[]>> {
    if (caseIds.length === 0) return new Map();
    const rows: { case_id: string; account_id: string }[] = await this.db.query(
      'SELECT case_id, account_id FROM conflict_of_interest WHERE case_id = ANY($1)',
      [[...new Set(caseIds)]],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.account_id]);
    return out;
  }

  /**
   * The frame warnings of a page's drafts: the rules in force per registration date and this year's
   * usage are read once for the page (each read checks its cache's counter, a query), not per draft.
   */
  private frameWarner(): (d: Decision, c: GrantCase) => Promise<string[]> {
    // Signing dates the decision today, so the warnings are those of today's year.
    let usage: Promise<FrameUsage> | null = null;
    const rules = new Map<string, Promise<RulesInForce | null>>();
    return async (d, c) => {
      if (d.outcome === 'avslag' || !d.frame || d.amount === null) return [];
      const date = c.registrationDate ?? d.decisionDate;
      if (!rules.has(date))
        rules.set(
          date,
          this.policy.inForce(date).catch(() => null),
        );
      const inForce = await rules.get(date)!;
      if (!inForce) return [];
      usage ??= this.frames.usage(Number(this.clock.today().slice(0, 4)));
      return frameStatus(inForce.ruleSet, await usage, {
        frame: d.frame,
        aidForm: d.aidForm?.split('/')[0] ?? null,
        amount: d.amount,
      }).reasons;
    };
  }
}
