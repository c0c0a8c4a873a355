import type { DataSource, EntityManager } from 'typeorm';
import { LetterModelError } from '../render/validate';
import type {
  DecisionOutcome,
  LetterBudgetLineData,
  LetterInput,
  LetterRegionProfile,
  LetterTemplateSet,
} from '../model/letter-input';

/** A decision that cannot get a letter however often it is tried (no such decision, not signed, no settings). */
export class LetterNotPossibleError extends LetterModelError {}

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
  legal_basis: { title: string }[];
  appealable: boolean;
  decided_by_namnd: boolean;
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
  organisation_id: string;
  org_name: string;
  organisationsnummer: string;
  street_address: string;
  postal_code: string;
  city: string;
}

const toNumber = (v: string | number | null): number | null => (v === null ? null : Number(v));

/**
 * Reads everything a decision's letter is made of, as plain data for the model builder. Dates are read
 * as text so that no time zone touches them.
 */
export class LetterDataLoader {
  constructor(private readonly db: DataSource | EntityManager) {}

  async load(decisionId: string): Promise<LetterInput> {
    const d = await this.decision(decisionId);
    const c = await this.grantCase(d.case_id);
    const [lines, settings] = await Promise.all([this.budgetLines(d.case_id), this.settings()]);
    const { region, templates } = settings;
    const signatories = [
      ...(d.signed_by_name ? [{ name: d.signed_by_name, title: d.signed_by_title ?? '' }] : []),
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
    };
  }

  private async decision(id: string): Promise<DecisionRow> {
    const [row] = (await this.db.query(
      `SELECT d.id, d.status, d.outcome, d.amount::text AS amount, d.share_bp,
              d.earliest_start::text AS earliest_start, d.latest_end::text AS latest_end,
              d.financing, d.conditions, d.reasons, d.rejection_grounds, d.legal_basis, d.appealable,
              d.decided_by_namnd, d.decision_date::text AS decision_date, d.signed_by_name, d.signed_by_title, d.co_signers,
              d.case_id, a.display_name AS officer_name
         FROM decision d LEFT JOIN account a ON a.id = d.drafted_by
        WHERE d.id = $1`,
      [id],
    )) as DecisionRow[];
    if (!row) throw new LetterNotPossibleError(`Beslutet ${id} finns inte`);
    if (row.status !== 'signerat') throw new LetterNotPossibleError(`Beslutet ${id} är inte signerat`);
    return row;
  }

  private async grantCase(id: string): Promise<CaseRow> {
    const [row] = (await this.db.query(
      `SELECT c.diarienummer, c.track, c.title, c.period_start::text AS period_start,
              c.period_end::text AS period_end, c.rus_areas, c.effektmal, c.sections,
              c.amount_applied::text AS amount_applied, c.description, c.secrecy_marking,
              COALESCE(sub.name, form.name) AS aid_form_name, c.organisation_id,
              o.name AS org_name, o.organisationsnummer, o.street_address, o.postal_code, o.city
         FROM grant_case c
         JOIN organisation o ON o.id = c.organisation_id
         LEFT JOIN catalogue_entry form ON form.kind = 'aid_form' AND form.code = c.aid_form
         LEFT JOIN catalogue_entry sub ON sub.kind = 'aid_subform' AND sub.code = c.aid_subform AND sub.parent = c.aid_form
        WHERE c.id = $1`,
      [id],
    )) as CaseRow[];
    if (!row) throw new LetterNotPossibleError(`Ärendet ${id} finns inte`);
    return row;
  }

  private async budgetLines(caseId: string): Promise<LetterBudgetLineData[]> {
    const rows = (await this.db.query(
      `SELECT l.kind, l.code, l.label, l.year, l.amount::text AS amount, f.sector, f.region_grant
         FROM budget_line l
         LEFT JOIN catalogue_entry f ON l.kind = 'financing' AND f.kind = 'financier' AND f.code = l.code
        WHERE l.case_id = $1
        ORDER BY l.position, l.year NULLS FIRST, l.id`,
      [caseId],
    )) as {
      kind: LetterBudgetLineData['kind'];
      code: string;
      label: string | null;
      year: number | null;
      amount: string;
      sector: 'offentlig' | 'privat' | null;
      region_grant: boolean | null;
    }[];
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

  private async settings(): Promise<{ region: LetterRegionProfile; templates: LetterTemplateSet }> {
    const rows = (await this.db.query(
      `SELECT key, value FROM region_setting WHERE key IN ('region', 'letterTemplates')`,
    )) as { key: string; value: unknown }[];
    const value = <T>(key: string): T => {
      const row = rows.find((r) => r.key === key);
      if (!row) throw new LetterNotPossibleError(`Regionens inställning "${key}" saknas`);
      return row.value as T;
    };
    return {
      region: value<LetterRegionProfile>('region'),
      templates: value<LetterTemplateSet>('letterTemplates'),
    };
  }
}
