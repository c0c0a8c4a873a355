import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { PersonalDataLogService, type RunBy, type Track } from '@anslag/cases';
import { Clock, DomainError } from '@anslag/common';
import { cursorBatches, kronorTransformer } from '@anslag/database';
import { type FrameStatus, type GrantTermCode, type Outcome, type RuleSet } from '@anslag/rules';
import { Inriktningsbeslut } from '../entities/inriktningsbeslut.entity';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service';
import { PolicyService, RulesInForce } from '../inriktningsbeslut/policy.service';
import { CurrentEvaluations, type EvaluationSummary, summarise } from './current-evaluations';
import {
  type DeclarationRow,
  type EvaluationCase,
  EvaluationInputService,
  type LineRow,
} from './evaluation-input.service';
import { FramesService } from './frames.service';

/** Open cases per slice of the what-if: read, built and evaluated together. */
const SLICE = 1000;

const OPEN = ['inskickad', 'under_handlaggning', 'komplettering_begard', 'komplettering_inkommen'];

/**
 * Every open case with what the evaluation and the answer read of it and its organisation, as plain rows
 * with named columns (no entities): dates as text, the received instant as ISO text, text arrays as JSON
 * (JSON.parse is cheaper than pg's array parser); its budget lines and de minimis declarations as JSON
 * arrays, read in the same snapshot as the case. The cases are sorted in the inner query and the lines
 * gathered per row above it, so that a cursor's first rows come once the cases are sorted, not once every
 * case's lines are gathered (the outer ORDER BY is the inner one's: PostgreSQL does not sort again).
 */
const OPEN_CASES_SQL = `
  SELECT s.id, s.diarienummer, s.title, s.track, s.organisation_id, s.aid_form, s.aid_subform, s.amount_applied,
         s.forstudie, s.eu_cofinancing, s.builds_on_earlier, s.rus_areas, s.planned_start, s.priority_claims,
         s.state_aid_facts, s.home_delivery, s.service_area_attestation, s.state_aid_assessment, s.eu_basis,
         s.registration_date, s.received_at, s.organisation_name, s.organisationsnummer, s.postal_code,
         s.kommun_code, s.in_tatort, s.employees, s.fte_hundredths, s.run_by, s.born_outside_nordics,
         (SELECT json_agg(json_build_array(b.kind, b.code, b.label, b.year, b.amount::text, b.cost_type, b.dated::text)
                          ORDER BY b.position)
            FROM budget_line b WHERE b.case_id = s.id) AS lines,
         (SELECT json_agg(json_build_array(d.granted_on::text, d.amount::text, d.currency, d.grantor, d.regulation, d.recipient))
            FROM de_minimis_declaration d WHERE d.case_id = s.id) AS declarations
    FROM (SELECT c.id, c.diarienummer, c.title, c.track, c.organisation_id, c.aid_form, c.aid_subform,
                 c.amount_applied::text AS amount_applied, c.forstudie, c.eu_cofinancing, c.builds_on_earlier,
                 to_json(c.rus_areas) AS rus_areas, c.planned_start::text AS planned_start,
                 to_json(c.priority_claims) AS priority_claims, c.state_aid_facts,
                 c.home_delivery, c.service_area_attestation, c.state_aid_assessment, c.eu_basis,
                 COALESCE(c.registration_date, (c.created_at AT TIME ZONE 'Europe/Stockholm')::date)::text AS registration_date,
                 to_char(COALESCE(c.received_at, c.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at,
                 o.name AS organisation_name, o.organisationsnummer, o.postal_code, o.kommun_code, o.in_tatort,
                 o.employees, o.fte_hundredths, o.run_by, o.born_outside_nordics, c.registration_date AS registered_on
            FROM grant_case c JOIN organisation o ON o.id = c.organisation_id
           WHERE c.status = ANY($1)
           ORDER BY c.registration_date, c.id) s
   ORDER BY s.registered_on, s.id`;

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
  /** [kind, code, label, year, amount, cost_type, dated] per line, in order; null without lines. */
  lines:
    [LineRow['kind'], string, string | null, number | null, string, string | null, string | null][] | null;
  /** [granted_on, amount, currency, grantor, regulation, recipient] per declaration. */
  declarations: [string, string, DeclarationRow['currency'], string, string | null, string | null][] | null;
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
    rows: {
      lines: (r.lines ?? []).map(([kind, code, label, year, amount, costType, dated]) => ({
        case_id: r.id,
        kind,
        code,
        label,
        year,
        amount,
        cost_type: costType,
        dated,
      })),
      declarations: (r.declarations ?? []).map(
        ([grantedOn, amount, currency, grantor, regulation, recipient]) => ({
          case_id: r.id,
          granted_on: grantedOn,
          amount,
          currency,
          grantor,
          regulation,
          recipient,
        }),
      ),
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

/** The amount of a term among the terms of a maximum, undefined when it is not there. */
function termAmount(terms: EvaluationSummary['terms'], term: string): number | undefined {
  for (const t of terms) if (t.term === term) return t.amount;
  return undefined;
}

/** What differs between the two evaluations: outcome, rank, the maximum, and each amount term. */
function changedTerms(now: EvaluationSummary | null, draft: EvaluationSummary): string[] {
  if (!now) return ['outcome', 'maxGrant'];
  const out: string[] = [];
  if (now.outcome !== draft.outcome) out.push('outcome');
  if (now.rank !== draft.rank) out.push('rank');
  if (now.maxGrant !== draft.maxGrant) out.push('maxGrant');
  const a = now.terms;
  const b = draft.terms;
  for (const t of a) if (termAmount(b, t.term) !== t.amount) out.push(t.term);
  for (const t of b) if (termAmount(a, t.term) === undefined && !out.includes(t.term)) out.push(t.term);
  return out;
}

function viewOf(e: EvaluationSummary): WhatIfView {
  return { outcome: e.outcome, maxGrant: e.maxGrant, rank: e.rank, limitedBy: e.limitedBy };
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
    private readonly current: CurrentEvaluations,
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
    // The open cases from a cursor, a slice at a time: one snapshot of them, and two slices in memory.
    const batches = cursorBatches<OpenCaseRow>(this.db, OPEN_CASES_SQL, [OPEN], SLICE);
    try {
      // The draft's checks and the decisions in force beside the first slice's read.
      const [{ draft, draftRus }, inForceOn, first] = await Promise.all([
        (async () => {
          await this.policy.check(submitted);
          const draft = await this.rates.applyTo(submitted);
          return { draft, draftRus: await this.policy.rus(draft.rusId) };
        })(),
        this.policy.inForceOn(),
        batches.next(),
      ]);
      let openCases = 0;
      // Organisations whose "born outside the Nordic countries" fact the evaluation reads, each logged once.
      const logged = new Set<string>();
      const inForce = new Map<string, RulesInForce | null>();
      const changed: WhatIfRow[] = [];
      const unchanged: WhatIfRow[] = [];
      const from = (page - 1) * pageSize;
      let unchangedTotal = 0;
      const openDraft: Record<string, number> = {};
      const openCurrent: Record<string, number> = {};
      let current: RulesInForce | null = null;
      const evaluations = this.current.round();
      // A slice at a time: read (the cursor asks for the next slice meanwhile), its inputs built beside
      // the log of the personal facts they read, each case evaluated; the slice is garbage before the
      // next is read.
      for (let batch = first; !batch.done; batch = await batches.next()) {
        const cases = batch.value.map(openCaseOf);
        const facts = cases.flatMap((c) =>
          c.organisation!.bornOutsideNordics === null || logged.has(c.organisationId)
            ? []
            : [{ id: c.organisationId, bornOutsideNordics: c.organisation!.bornOutsideNordics }],
        );
        for (const f of facts) logged.add(f.id);
        const [inputs] = await Promise.all([
          this.inputs.buildFrom(cases, draftRus),
          this.personalData.logReads(p, facts, 'konsekvensanalys'),
        ]);
        for (const c of cases) {
          openCases++;
          const input = inputs.get(c.id)!;
          const date = c.registrationDate;
          let rules = inForce.get(date);
          if (rules === undefined) {
            rules = inForceOn(date);
            inForce.set(date, rules);
          }
          current = rules ?? current;
          const d = summarise(input, draft, draftRus);
          const now = rules ? evaluations.summarise(c.id, input, rules.ruleSet, rules.rus) : null;
          add(openDraft, d.frame, d.maxGrant);
          if (now) add(openCurrent, now.frame, now.maxGrant);
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
      }
      evaluations.keep();
      const today = this.clock.today();
      const year = Number(today.slice(0, 4));
      current = current ?? inForceOn(today);
      return {
        openCases,
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
    } finally {
      await batches.return(undefined);
    }
  }
}

function add(acc: Record<string, number>, key: string | undefined, amount: number): void {
  if (key) acc[key] = (acc[key] ?? 0) + amount;
}
