import { DataSource, type EntityManager } from 'typeorm';
import { plainQuery } from '@anslag/database';
import { type ExchangeRate, rateOn } from '@anslag/rules';
import { LetterModelError } from '../render/validate';
import { CLAIM_SQL } from './decision-letter.store';
import type {
  DecisionOutcome,
  LetterBudgetLineData,
  LetterInput,
  LetterLegalBases,
  LetterLegalBasisRef,
  LetterRegionProfile,
  LetterRuleSetReference,
  LetterTemplateSet,
} from '../model/letter-input';

/** A decision that cannot get a letter however often it is tried (no such decision, not signed, no settings). */
export class LetterNotPossibleError extends LetterModelError {}

/**
 * A letter that must wait for something to be recorded first (the nämnd's protocol §): not a failure,
 * the letter stays queued and is tried again.
 */
export class LetterNotReadyError extends Error {}

interface DecisionRow {
  id: string;
  status: string;
  outcome: DecisionOutcome;
  amount: string | null;
  share_bp: number | null;
  earliest_start: string | null;
  latest_end: string | null;
  financing: { source: string; label: string; amount: number }[];
  conditions: string[];
  reasons: LetterInput['decision']['reasons'];
  rejection_grounds: string | null;
  legal_basis: LetterLegalBasisRef[];
  appealable: boolean;
  decided_by_namnd: boolean;
  namnd_meeting_date: string | null;
  namnd_paragraph: string | null;
  aid_form: string | null;
  de_minimis_eur: number | null;
  de_minimis_ore_per_eur: number | null;
  de_minimis_regime: string | null;
  evaluation_id: string | null;
  decision_date: string;
  signed_by_name: string | null;
  signed_by_title: string | null;
  co_signers: { name: string; title: string }[] | null;
  officer_name: string | null;
  case_id: string;
}

interface CaseRow {
  diarienummer: string | null;
  track: 'projekt' | 'foretagsstod';
  title: string;
  period_start: string | null;
  period_end: string | null;
  rus_areas: string[];
  effektmal: string[];
  sections: Record<string, string>;
  amount_applied: string | null;
  description: string | null;
  secrecy_marking: string | null;
  aid_form_name: string | null;
  registration_date: string | null;
  organisation_id: string;
  org_name: string;
  organisationsnummer: string;
  street_address: string;
  postal_code: string;
  city: string;
}

const toNumber = (v: string | number | null): number | null => (v === null ? null : Number(v));

interface BudgetLineRow {
  kind: LetterBudgetLineData['kind'];
  code: string;
  label: string | null;
  year: number | null;
  amount: string;
  sector: 'offentlig' | 'privat' | null;
  region_grant: boolean | null;
}

interface RuleSetRow {
  valid_from: string;
  adopted_on: string | null;
  paragraph: string | null;
  refs: { kind: string; date: string; paragraph: string | null }[] | null;
  rates: ExchangeRate[] | null;
}

/** Everything a letter is made of, read in one statement (one round trip per letter, not five). */
interface LetterDataRow {
  /** The worker's read: the attempt this run claimed, null when the letter was not there to claim. */
  claimed?: number | null;
  decision: DecisionRow | null;
  grant_case: CaseRow | null;
  budget_lines: BudgetLineRow[];
  /** The reference data's counter (region_setting and inriktningsbeslut are under it). */
  reference_version: string;
  /** Null when the caller holds them under this reference_version. */
  settings: { key: string; value: unknown }[] | null;
  rule_set_id: string | null;
  /** Null when there is none, or the caller holds rule_set_id's under this reference_version. */
  rule_set: RuleSetRow | null;
}

/**
 * The decision (with its officer), its case and organisation, the budget lines (a line without a label of
 * its own is named from the catalogue: a letter never shows a code), the region's settings, and the
 * inriktningsbeslut the case was assessed under (the decision's evaluation), else the one adopted and in
 * force on the case's registration date (else the decision date). Dates as text, amounts as text.
 *
 * $2 is the reference_version the caller holds the settings and the rule sets $3 under (null: none): those
 * are not sent again while the counter stays (the settings are some 35 kB of JSON per letter). `claim`
 * puts the letter's claim (DecisionLetterStore.claim) in front, so that the worker's claim and read are
 * one round trip; the read sees the rows as of the claim.
 */
function letterDataSql(claim: boolean): string {
  return `
  WITH ${claim ? `claim AS (${CLAIM_SQL}), ` : ''}v AS (
    SELECT version FROM reference_version WHERE id = 1
  ), d AS (
    SELECT d.id, d.status, d.outcome, d.amount::text AS amount, d.share_bp,
           d.earliest_start::text AS earliest_start, d.latest_end::text AS latest_end,
           d.financing, d.conditions, d.reasons, d.rejection_grounds, d.legal_basis, d.appealable,
           d.decided_by_namnd, d.decision_date::text AS decision_date, d.signed_by_name, d.signed_by_title, d.co_signers,
           d.namnd_meeting_date::text AS namnd_meeting_date, d.namnd_paragraph, d.aid_form, d.de_minimis_eur,
           d.de_minimis_ore_per_eur, d.de_minimis_regime,
           d.evaluation_id,
           d.case_id, a.display_name AS officer_name
      FROM decision d LEFT JOIN account a ON a.id = d.drafted_by
     WHERE d.id = $1
  ), c AS (
    SELECT c.diarienummer, c.track, c.title, c.period_start::text AS period_start,
           c.period_end::text AS period_end, c.rus_areas, c.effektmal, c.sections,
           c.amount_applied::text AS amount_applied, c.description, c.secrecy_marking,
           COALESCE(sub.name, form.name) AS aid_form_name, c.registration_date::text AS registration_date,
           c.organisation_id,
           o.name AS org_name, o.organisationsnummer, o.street_address, o.postal_code, o.city
      FROM grant_case c
      JOIN organisation o ON o.id = c.organisation_id
      LEFT JOIN catalogue_entry form ON form.kind = 'aid_form' AND form.code = c.aid_form
      LEFT JOIN catalogue_entry sub ON sub.kind = 'aid_subform' AND sub.code = c.aid_subform AND sub.parent = c.aid_form
     WHERE c.id = (SELECT case_id FROM d)
  ), r AS (
    SELECT i.id
      FROM inriktningsbeslut i, (SELECT (SELECT evaluation_id FROM d) AS evaluation_id,
                                        COALESCE((SELECT registration_date FROM c), (SELECT decision_date FROM d))::date AS day) k
     WHERE (k.evaluation_id IS NOT NULL AND i.id = (SELECT inriktningsbeslut_id FROM case_evaluation WHERE id = k.evaluation_id))
        OR (k.evaluation_id IS NULL AND i.status = 'antaget' AND i.valid_from <= k.day
            AND (i.valid_to IS NULL OR i.valid_to >= k.day))
     ORDER BY i.valid_from DESC LIMIT 1
  )
  SELECT ${claim ? '(SELECT attempts FROM claim) AS claimed, ' : ''}
         (SELECT row_to_json(d) FROM d) AS decision,
         (SELECT row_to_json(c) FROM c) AS grant_case,
         (SELECT COALESCE(json_agg(l ORDER BY l.position, l.year NULLS FIRST, l.id), '[]')
            FROM (SELECT l.kind, l.code, COALESCE(NULLIF(l.label, ''), cat.name, f.name, l.code) AS label, l.year,
                         l.amount::text AS amount, f.sector, f.region_grant, l.position, l.id
                    FROM budget_line l
                    LEFT JOIN catalogue_entry f ON l.kind IN ('financing', 'in_kind') AND f.kind = 'financier' AND f.code = l.code
                    LEFT JOIN catalogue_entry cat ON l.kind = 'cost' AND cat.kind = 'cost_category' AND cat.code = l.code
                   WHERE l.case_id = (SELECT case_id FROM d)) l) AS budget_lines,
         (SELECT version::text FROM v) AS reference_version,
         CASE WHEN (SELECT version FROM v) IS DISTINCT FROM $2::bigint THEN
           (SELECT json_agg(json_build_object('key', key, 'value', value)) FROM region_setting
             WHERE key IN ('region', 'letterTemplates', 'legalBases'))
         END AS settings,
         (SELECT id FROM r) AS rule_set_id,
         CASE WHEN (SELECT version FROM v) IS DISTINCT FROM $2::bigint OR NOT (SELECT id FROM r) = ANY($3::uuid[]) THEN
           (SELECT row_to_json(rs) FROM (
              SELECT i.valid_from::text AS valid_from, i.adopted_on::text AS adopted_on, i.paragraph,
                     i.content -> 'references' AS refs, i.content -> 'deMinimis' -> 'exchangeRates' AS rates
                FROM inriktningsbeslut i WHERE i.id = (SELECT id FROM r)) rs)
         END AS rule_set`;
}

const LETTER_DATA_SQL = letterDataSql(false);
const CLAIM_AND_LETTER_DATA_SQL = letterDataSql(true);

function checkedDecision(row: DecisionRow | null, id: string, draft: boolean): DecisionRow {
  if (!row) throw new LetterNotPossibleError(`Beslutet ${id} finns inte`);
  if (draft) {
    if (row.status !== 'utkast') throw new LetterNotPossibleError(`Beslutet ${id} är inte ett utkast`);
  } else if (row.status !== 'signerat') throw new LetterNotPossibleError(`Beslutet ${id} är inte signerat`);
  return row;
}

function budgetLinesOf(rows: BudgetLineRow[]): LetterBudgetLineData[] {
  return rows.map((r) => ({
    kind: r.kind,
    code: r.code,
    label: r.label,
    year: r.year,
    amount: Number(r.amount),
    sector: r.sector,
    regionGrant: r.region_grant ?? false,
  }));
}

function settingsOf(rows: { key: string; value: unknown }[]): {
  region: LetterRegionProfile;
  templates: LetterTemplateSet;
  legalBases: LetterLegalBases | null;
} {
  const value = <T>(key: string): T => {
    const row = rows.find((r) => r.key === key);
    if (!row) throw new LetterNotPossibleError(`Regionens inställning "${key}" saknas`);
    return row.value as T;
  };
  return {
    region: value<LetterRegionProfile>('region'),
    templates: value<LetterTemplateSet>('letterTemplates'),
    legalBases: (rows.find((r) => r.key === 'legalBases')?.value as LetterLegalBases | undefined) ?? null,
  };
}

function ruleSetOf(
  row: RuleSetRow | null,
): { reference: LetterRuleSetReference; rates: ExchangeRate[] } | null {
  if (!row) return null;
  const refs = row.refs ?? [];
  const adopted = refs.find((r) => r.kind === 'beslut');
  const extended =
    refs
      .filter((r) => r.kind === 'forlangning')
      .map((r) => r.date)
      .sort()
      .pop() ?? null;
  return {
    reference: {
      year: Number(row.valid_from.slice(0, 4)),
      decidedDate: adopted?.date ?? row.adopted_on,
      paragraph: adopted?.paragraph ?? row.paragraph,
      extendedDate: extended,
    },
    rates: row.rates ?? [],
  };
}

type LetterSettings = ReturnType<typeof settingsOf>;
type LetterRuleSet = NonNullable<ReturnType<typeof ruleSetOf>>;

/** The region's settings and the rule sets read so far, as of one reference_version. */
interface Reference {
  readonly version: string;
  readonly settings: LetterSettings;
  /** By inriktningsbeslut id. */
  readonly ruleSets: Map<string, LetterRuleSet>;
}

/** Shared by every letter built while the counter stays: frozen, so that no letter can change another's. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

/** A letter's claim (the worker's) and its data. */
export type ClaimedLetterData =
  | { readonly claimed: true; readonly attempts: number; readonly input: () => LetterInput }
  | { readonly claimed: false };

/**
 * Reads everything a decision's letter is made of, as plain data for the model builder. Dates are read
 * as text so that no time zone touches them. The region's settings and the rule sets are kept by the
 * loader under the reference counter they were read at, and read again when it moves (a setting changed
 * through any api instance, or in the database, is in the next letter read after its commit).
 */
export class LetterDataLoader {
  private reference: Reference | null = null;

  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * `draft`: the letter of a draft decision, for the officers' preview (never stored): the decision must be
   * a draft, and the letter is made before anyone has signed it or the nämnd has given it a §.
   */
  async load(decisionId: string, opts: { draft?: boolean } = {}): Promise<LetterInput> {
    return this.inputOf(await this.read(LETTER_DATA_SQL, decisionId), decisionId, opts.draft ?? false);
  }

  /**
   * Claims the letter for rendering (attempts + 1, unless it is done) and reads its data, in one statement.
   * `input` gives the data (or the error that stops the letter), to be asked for once the claim is known.
   */
  async claimAndLoad(decisionId: string): Promise<ClaimedLetterData> {
    const read = await this.read(CLAIM_AND_LETTER_DATA_SQL, decisionId);
    const attempts = read.row.claimed ?? null;
    if (attempts === null) return { claimed: false };
    return { claimed: true, attempts, input: () => this.inputOf(read, decisionId, false) };
  }

  private async read(
    sql: string,
    decisionId: string,
  ): Promise<{ row: LetterDataRow; held: Reference | null }> {
    const held = this.reference;
    const params = [decisionId, held?.version ?? null, held ? [...held.ruleSets.keys()] : []];
    // Outside a transaction, a prepared statement: planning it took twice as long as running it.
    const [row] =
      this.db instanceof DataSource
        ? await plainQuery<LetterDataRow>(this.db, sql, params, { prepared: true })
        : ((await this.db.query(sql, params)) as LetterDataRow[]);
    return { row, held };
  }

  /** The settings and rule set of a read: the ones sent, else those held under the same counter. */
  private referenceOf(
    row: LetterDataRow,
    held: Reference | null,
  ): { settings: LetterSettings; ruleSet: LetterRuleSet | null } {
    const reference =
      row.settings === null && held?.version === row.reference_version
        ? held
        : {
            version: row.reference_version,
            settings: frozen(settingsOf(row.settings ?? [])),
            ruleSets: new Map<string, LetterRuleSet>(),
          };
    let ruleSet: LetterRuleSet | null = null;
    if (row.rule_set_id !== null) {
      const sent = ruleSetOf(row.rule_set);
      if (sent) reference.ruleSets.set(row.rule_set_id, frozen(sent));
      ruleSet = reference.ruleSets.get(row.rule_set_id) ?? null;
      if (!ruleSet) throw new Error(`Regelverket ${row.rule_set_id} lästes inte`);
    }
    const current = this.reference;
    if (!current || BigInt(reference.version) >= BigInt(current.version)) this.reference = reference;
    return { settings: reference.settings, ruleSet };
  }

  private inputOf(
    { row: read, held }: { row: LetterDataRow; held: Reference | null },
    decisionId: string,
    draft: boolean,
  ): LetterInput {
    const d = checkedDecision(read?.decision ?? null, decisionId, draft);
    if (!draft && d.decided_by_namnd && !d.namnd_paragraph) {
      throw new LetterNotReadyError(
        `Beslutsbrevet för nämndens beslut ${decisionId} väntar på att protokollets paragraf förs in`,
      );
    }
    const c = read.grant_case;
    if (!c) throw new LetterNotPossibleError(`Ärendet ${d.case_id} finns inte`);
    const lines = budgetLinesOf(read.budget_lines);
    const { settings, ruleSet } = this.referenceOf(read, held);
    const { region, templates, legalBases } = settings;
    // The nämnd signs as the committee (its name is the signer row): the letter names it in Beslutet.
    const signatories = [
      ...(d.signed_by_name && !d.decided_by_namnd
        ? [{ name: d.signed_by_name, title: d.signed_by_title ?? '' }]
        : []),
      ...(d.co_signers ?? []),
    ];
    return {
      decision: {
        outcome: d.outcome,
        amount: toNumber(d.amount),
        shareBp: d.share_bp,
        earliestStart: d.earliest_start,
        latestEnd: d.latest_end,
        financing: d.financing.map((f) => ({ source: f.source, label: f.label, amount: Number(f.amount) })),
        conditions: d.conditions,
        reasons: d.reasons,
        rejectionGrounds: d.rejection_grounds,
        legalBasis: d.legal_basis,
        appealable: d.appealable,
        decidedByNamnd: d.decided_by_namnd,
        namnd: d.decided_by_namnd
          ? {
              committee: d.signed_by_name ?? '',
              meetingDate: d.namnd_meeting_date,
              paragraph: d.namnd_paragraph,
            }
          : null,
        aidForm: d.aid_form,
        deMinimisEur: d.de_minimis_eur,
        // The rate the signing converted at, kept with the decision (else the rule set's on that date).
        deMinimisRateOre:
          d.de_minimis_eur === null
            ? null
            : (d.de_minimis_ore_per_eur ?? rateOn(ruleSet?.rates ?? [], d.decision_date)?.orePerEur ?? null),
        deMinimisRegulation: d.de_minimis_regime,
        decisionDate: d.decision_date,
      },
      grantCase: {
        diarienummer: c.diarienummer ?? '',
        track: c.track,
        title: c.title,
        periodStart: c.period_start,
        periodEnd: c.period_end,
        rusAreas: c.rus_areas,
        effektmal: c.effektmal,
        sections: c.sections,
        amountApplied: toNumber(c.amount_applied),
        description: c.description,
        secrecyMarking: c.secrecy_marking,
      },
      organisation: {
        name: c.org_name,
        organisationsnummer: c.organisationsnummer,
        // The register keeps the street lines joined by ", " (see the organisation form).
        addressLines: c.street_address.split(', ').filter((l) => l !== ''),
        postalCode: c.postal_code,
        city: c.city,
      },
      budgetLines: lines,
      region,
      templates,
      officerName: d.officer_name ?? d.signed_by_name ?? '',
      signatories,
      rankQuote: d.reasons?.rankQuote ?? null,
      aidFormName: c.aid_form_name,
      legalBases,
      ruleSet: ruleSet?.reference ?? null,
    };
  }
}
