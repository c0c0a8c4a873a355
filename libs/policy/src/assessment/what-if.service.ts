import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { GrantCase, PersonalDataLogService } from '@anslag/cases';
import { Clock, DomainError } from '@anslag/common';
import {
  evaluate,
  frameOf,
  type Evaluation,
  type FrameStatus,
  type GrantTermCode,
  type Outcome,
  type RuleSet,
} from '@anslag/rules';
import { Inriktningsbeslut } from '../entities/inriktningsbeslut.entity';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service';
import { PolicyService, RulesInForce } from '../inriktningsbeslut/policy.service';
import { EvaluationInputService } from './evaluation-input.service';
import { FramesService } from './frames.service';

const OPEN = ['inskickad', 'under_handlaggning', 'komplettering_begard', 'komplettering_inkommen'];

interface WhatIfView {
  outcome: Outcome;
  maxGrant: number;
  rank: string | null;
  limitedBy: GrantTermCode[];
}

export interface WhatIfRow {
  caseId: string;
  diarienummer: string | null;
  title: string;
  organisationName: string | null;
  track: 'projekt' | 'foretagsstod';
  aidForm: string | null;
  amountApplied: number;
  current: WhatIfView | null;
  draft: WhatIfView;
  changed: boolean;
  changedTerms: string[];
}

/** What differs between the two evaluations: outcome, rank, the maximum, and each amount term. */
function changedTerms(now: Evaluation | null, draft: Evaluation): string[] {
  if (!now) return ['outcome', 'maxGrant'];
  const out: string[] = [];
  if (now.outcome !== draft.outcome) out.push('outcome');
  const rank = (e: Evaluation) => ('rank' in e.priority ? e.priority.rank : null);
  if (rank(now) !== rank(draft)) out.push('rank');
  if (now.maxGrant.amount !== draft.maxGrant.amount) out.push('maxGrant');
  const terms = new Set([...now.maxGrant.terms, ...draft.maxGrant.terms].map((t) => t.term));
  for (const term of terms) {
    const a = now.maxGrant.terms.find((t) => t.term === term)?.amount;
    const b = draft.maxGrant.terms.find((t) => t.term === term)?.amount;
    if (a !== b) out.push(term);
  }
  return out;
}

export interface WhatIfFrames {
  status: FrameStatus;
  /** The evaluated maximum of the open cases, per frame: what they could draw if all were granted. */
  openMaxByFrame: Record<string, number>;
}

export interface WhatIfResult {
  openCases: number;
  changedCases: number;
  cases: WhatIfRow[];
  frames: { current: WhatIfFrames | null; draft: WhatIfFrames };
}

/**
 * Evaluates every open case under a draft inriktningsbeslut beside the decision in force on its
 * registration date. Changes nothing; the only write is the personal data log, since the evaluation
 * reads the "born outside the Nordic countries" fact of the organisations that stated it.
 */
@Injectable()
export class WhatIfService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policy: PolicyService,
    private readonly inputs: EvaluationInputService,
    private readonly frames: FramesService,
    private readonly personalData: PersonalDataLogService,
    private readonly rates: ExchangeRatesService,
    private readonly clock: Clock,
  ) {}

  /** The what-if of a stored draft (or any version) of the inriktningsbeslut, by its id. */
  async runFor(p: Principal, id: string): Promise<WhatIfResult> {
    const row = await this.db.getRepository(Inriktningsbeslut).findOne({ where: { id } });
    if (!row) throw DomainError.notFound('Inriktningsbeslutet');
    return this.run(p, row.content);
  }

  async run(p: Principal, submitted: RuleSet): Promise<WhatIfResult> {
    await this.policy.check(submitted);
    const draft = await this.rates.applyTo(submitted);
    const draftRus = await this.policy.rus(draft.rusId);
    const cases = await this.db
      .getRepository(GrantCase)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.organisation', 'o')
      .where('c.status IN (:...open)', { open: OPEN })
      .orderBy('c.registrationDate', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    const inputs = await this.inputs.build(cases, draftRus);
    await this.personalData.logReads(
      p,
      cases.map((c) => c.organisation!),
      'konsekvensanalys',
    );
    const inForce = new Map<string, RulesInForce | null>();
    const rows: WhatIfRow[] = [];
    const openDraft: Record<string, number> = {};
    const openCurrent: Record<string, number> = {};
    let current: RulesInForce | null = null;
    for (const c of cases) {
      const input = inputs.get(c.id)!;
      const date = c.registrationDate ?? input.registrationDate;
      if (!inForce.has(date)) inForce.set(date, await this.policy.inForce(date).catch(() => null));
      const rules = inForce.get(date)!;
      current = rules ?? current;
      const d = evaluate(input, draft, draftRus);
      const now = rules ? evaluate(input, rules.ruleSet, rules.rus) : null;
      const summary = (e: typeof d): WhatIfView => ({
        outcome: e.outcome,
        maxGrant: e.maxGrant.amount,
        rank: 'rank' in e.priority ? e.priority.rank : null,
        limitedBy: e.maxGrant.limitedBy,
      });
      const draftView = summary(d);
      const currentView = now ? summary(now) : null;
      add(openDraft, frameOf(input, draft)?.frame, d.maxGrant.amount);
      if (rules && now) add(openCurrent, frameOf(input, rules.ruleSet)?.frame, now.maxGrant.amount);
      const terms = changedTerms(now, d);
      rows.push({
        caseId: c.id,
        diarienummer: c.diarienummer,
        title: c.title,
        organisationName: c.organisation?.name ?? null,
        track: c.track,
        aidForm: c.aidSubform ? `${c.aidForm}/${c.aidSubform}` : c.aidForm,
        amountApplied: input.amountApplied ?? c.amountApplied ?? 0,
        current: currentView,
        draft: draftView,
        changed: terms.length > 0,
        changedTerms: terms,
      });
    }
    const today = this.clock.today();
    const year = Number(today.slice(0, 4));
    current = current ?? (await this.policy.inForce(today).catch(() => null));
    return {
      openCases: rows.length,
      changedCases: rows.filter((r) => r.changed).length,
      cases: rows,
      frames: {
        current: current
          ? { status: await this.frames.status(current.ruleSet, year), openMaxByFrame: openCurrent }
          : null,
        draft: { status: await this.frames.status(draft, year), openMaxByFrame: openDraft },
      },
    };
  }
}

function add(acc: Record<string, number>, key: string | undefined, amount: number): void {
  if (key) acc[key] = (acc[key] ?? 0) + amount;
}
