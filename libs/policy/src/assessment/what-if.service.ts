import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { PersonalDataLogService, type RunBy, type Track } from '@anslag/cases';
import { Clock, DomainError } from '@anslag/common';
import { kronorTransformer } from '@anslag/database';
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
import { type EvaluationCase, EvaluationInputService } from './evaluation-input.service';
import { FramesService } from './frames.service';

const OPEN = ['inskickad', 'under_handlaggning', 'komplettering_begard', 'komplettering_inkommen'];

/**
 * Every open case with what the evaluation and the answer read of it and its organisation, as plain rows
 * with named columns (no entities): dates as text, the received instant as ISO text.
 */
const OPEN_CASES_SQL = `
  SELECT c.id, c.diarienummer, c.title, c.track, c.organisation_id, c.aid_form, c.aid_subform,
         c.amount_applied::text AS amount_applied, c.forstudie, c.eu_cofinancing, c.builds_on_earlier,
         c.rus_areas, c.planned_start::text AS planned_start, c.priority_claims, c.state_aid_facts,
         c.home_delivery, c.service_area_attestation, c.state_aid_assessment, c.eu_basis,
         COALESCE(c.registration_date, (c.created_at AT TIME ZONE 'Europe/Stockholm')::date)::text AS registration_date,
         to_char(COALESCE(c.received_at, c.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at,
         o.name AS organisation_name, o.organisationsnummer, o.postal_code, o.kommun_code, o.in_tatort,
         o.employees, o.fte_hundredths, o.run_by, o.born_outside_nordics
    FROM grant_case c JOIN organisation o ON o.id = c.organisation_id
   WHERE c.status = ANY($1)
   ORDER BY c.registration_date, c.id`;

interface OpenCaseRow {
  id: string;
  diarienummer: string | null;
  title: string;
  track: Track;
  organisation_id: string;
  aid_form: string | null;
  aid_subform: string | null;
  amount_applied: string | null;
  forstudie: boolean;
  eu_cofinancing: boolean;
  builds_on_earlier: boolean;
  rus_areas: string[];
  planned_start: string | null;
  priority_claims: string[];
  state_aid_facts: EvaluationCase['stateAidFacts'];
  home_delivery: EvaluationCase['homeDelivery'];
  service_area_attestation: EvaluationCase['serviceAreaAttestation'];
  state_aid_assessment: EvaluationCase['stateAidAssessment'];
  eu_basis: string | null;
  registration_date: string;
  received_at: string;
  organisation_name: string;
  organisationsnummer: string;
  postal_code: string;
  kommun_code: string | null;
  in_tatort: boolean;
  employees: number | null;
  fte_hundredths: number | null;
  run_by: RunBy | null;
  born_outside_nordics: boolean | null;
}

/** An open case as the evaluation reads it, with what the answer shows besides. */
interface OpenCase extends EvaluationCase {
  diarienummer: string | null;
  title: string;
  organisationName: string;
}

function openCaseOf(r: OpenCaseRow): OpenCase {
  return {
    id: r.id,
    diarienummer: r.diarienummer,
    title: r.title,
    organisationName: r.organisation_name,
    organisationId: r.organisation_id,
    track: r.track,
    aidForm: r.aid_form,
    aidSubform: r.aid_subform,
    amountApplied: kronorTransformer.from(r.amount_applied) as number | null,
    forstudie: r.forstudie,
    euCofinancing: r.eu_cofinancing,
    buildsOnEarlier: r.builds_on_earlier,
    rusAreas: r.rus_areas,
    plannedStart: r.planned_start,
    priorityClaims: r.priority_claims,
    stateAidFacts: r.state_aid_facts,
    homeDelivery: r.home_delivery,
    serviceAreaAttestation: r.service_area_attestation,
    stateAidAssessment: r.state_aid_assessment,
    euBasis: r.eu_basis,
    registrationDate: r.registration_date,
    receivedAt: r.received_at,
    organisation: {
      organisationsnummer: r.organisationsnummer,
      postalCode: r.postal_code,
      kommunCode: r.kommun_code,
      inTatort: r.in_tatort,
      employees: r.employees,
      fteHundredths: r.fte_hundredths,
      runBy: r.run_by,
      bornOutsideNordics: r.born_outside_nordics,
    },
  };
}

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

const rankOf = (e: Evaluation): string | null => ('rank' in e.priority ? e.priority.rank : null);

/** The amount of a term among the terms of a maximum, undefined when it is not there. */
function termAmount(terms: Evaluation['maxGrant']['terms'], term: string): number | undefined {
  for (const t of terms) if (t.term === term) return t.amount;
  return undefined;
}

/** What differs between the two evaluations: outcome, rank, the maximum, and each amount term. */
function changedTerms(now: Evaluation | null, draft: Evaluation): string[] {
  if (!now) return ['outcome', 'maxGrant'];
  const out: string[] = [];
  if (now.outcome !== draft.outcome) out.push('outcome');
  if (rankOf(now) !== rankOf(draft)) out.push('rank');
  if (now.maxGrant.amount !== draft.maxGrant.amount) out.push('maxGrant');
  const a = now.maxGrant.terms;
  const b = draft.maxGrant.terms;
  for (const t of a) if (termAmount(b, t.term) !== t.amount) out.push(t.term);
  for (const t of b) if (termAmount(a, t.term) === undefined && !out.includes(t.term)) out.push(t.term);
  return out;
}

function viewOf(e: Evaluation): WhatIfView {
  return {
    outcome: e.outcome,
    maxGrant: e.maxGrant.amount,
    rank: rankOf(e),
    limitedBy: e.maxGrant.limitedBy,
  };
}

export interface WhatIfFrames {
  status: FrameStatus;
  /** The evaluated maximum of the open cases, per frame: what they could draw if all were granted. */
  openMaxByFrame: Record<string, number>;
}

/** Which page of the unchanged cases the answer carries (the changed ones are all in it). */
export interface UnchangedPage {
  page: number;
  pageSize: number;
}

export interface WhatIfResult {
  openCases: number;
  changedCases: number;
  /** Every case the draft changes, in registration order. */
  cases: WhatIfRow[];
  /** One page of the cases the draft leaves as they are. */
  unchanged: { items: WhatIfRow[]; total: number; page: number; pageSize: number };
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
  async runFor(p: Principal, id: string, page?: UnchangedPage): Promise<WhatIfResult> {
    const row = await this.db.getRepository(Inriktningsbeslut).findOne({ where: { id } });
    if (!row) throw DomainError.notFound('Inriktningsbeslutet');
    return this.run(p, row.content, page);
  }

  /**
   * Every case the draft changes in full, and of those it leaves as they are only their number and the
   * asked page: the unchanged are most of the open cases and the reader looks at the changed ones.
   */
  async run(
    p: Principal,
    submitted: RuleSet,
    { page, pageSize }: UnchangedPage = { page: 1, pageSize: 50 },
  ): Promise<WhatIfResult> {
    // The draft's checks and the open cases side by side (both outside any transaction), then the
    // cases' evaluation inputs beside the log of the personal facts they read.
    const [{ draft, draftRus }, rows] = await Promise.all([
      (async () => {
        await this.policy.check(submitted);
        const draft = await this.rates.applyTo(submitted);
        return { draft, draftRus: await this.policy.rus(draft.rusId) };
      })(),
      this.db.query(OPEN_CASES_SQL, [OPEN]) as Promise<OpenCaseRow[]>,
    ]);
    const cases = rows.map(openCaseOf);
    const [inputs] = await Promise.all([
      this.inputs.buildFrom(cases, draftRus),
      this.personalData.logReads(
        p,
        cases.map((c) => ({ id: c.organisationId, bornOutsideNordics: c.organisation!.bornOutsideNordics })),
        'konsekvensanalys',
      ),
    ]);
    const inForce = new Map<string, RulesInForce | null>();
    const changed: WhatIfRow[] = [];
    const unchanged: WhatIfRow[] = [];
    const from = (page - 1) * pageSize;
    let unchangedTotal = 0;
    const openDraft: Record<string, number> = {};
    const openCurrent: Record<string, number> = {};
    let current: RulesInForce | null = null;
    for (const c of cases) {
      const input = inputs.get(c.id)!;
      const date = c.registrationDate;
      let rules = inForce.get(date);
      if (rules === undefined) {
        rules = await this.policy.inForce(date).catch(() => null);
        inForce.set(date, rules);
      }
      current = rules ?? current;
      const d = evaluate(input, draft, draftRus);
      const now = rules ? evaluate(input, rules.ruleSet, rules.rus) : null;
      add(openDraft, frameOf(input, draft)?.frame, d.maxGrant.amount);
      if (rules && now) add(openCurrent, frameOf(input, rules.ruleSet)?.frame, now.maxGrant.amount);
      const terms = changedTerms(now, d);
      if (terms.length === 0) {
        const index = unchangedTotal++;
        if (index < from || index >= from + pageSize) continue;
      }
      (terms.length > 0 ? changed : unchanged).push({
        caseId: c.id,
        diarienummer: c.diarienummer,
        title: c.title,
        organisationName: c.organisationName,
        track: c.track,
        aidForm: c.aidSubform ? `${c.aidForm}/${c.aidSubform}` : c.aidForm,
        amountApplied: input.amountApplied ?? c.amountApplied ?? 0,
        current: now ? viewOf(now) : null,
        draft: viewOf(d),
        changed: terms.length > 0,
        changedTerms: terms,
      });
    }
    const today = this.clock.today();
    const year = Number(today.slice(0, 4));
    current = current ?? (await this.policy.inForce(today).catch(() => null));
    return {
      openCases: cases.length,
      changedCases: changed.length,
      cases: changed,
      unchanged: { items: unchanged, total: unchangedTotal, page, pageSize },
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
