/**
 * Test factory for the reports: a case with a signed decision, inserted as rows (the drafting and signing
 * services are not needed to read a report). Inserting a signed row is allowed; only UPDATE and DELETE of
 * one are refused by the immutability trigger.
 */
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface SignedDecisionSpec {
  organisationId: string;
  decisionDate: string;
  /** null for the nämnd's own decision. */
  delegationPoint?: string | null;
  outcome?: 'bifall' | 'delvis_bifall' | 'avslag';
  amount?: number | null;
  rejectionGrounds?: string | null;
  aidForm?: string | null;
  frame?: string | null;
  track?: 'projekt' | 'foretagsstod';
  title?: string;
  diarienummer?: string | null;
  nypsId?: string | null;
  priorityClaims?: string[];
  signedByName?: string;
  signedByTitle?: string;
  /** An ändringsbeslut of this decision (same case). */
  amends?: { decisionId: string; caseId: string };
  signedAt?: Date;
}

export interface Inserted {
  caseId: string;
  decisionId: string;
  diarienummer: string | null;
}

let serial = randomInt(100_000, 900_000);

/** A diarienummer no other suite uses: "YYRS" and a seven-digit running number. */
export function uniqueDiarienummer(year: number): string {
  serial += 1;
  return `${String(year).slice(2)}RS${serial}${randomInt(0, 10)}`;
}

export async function insertSignedDecision(ds: DataSource, s: SignedDecisionSpec): Promise<Inserted> {
  const track = s.track ?? 'foretagsstod';
  const year = Number(s.decisionDate.slice(0, 4));
  let caseId = s.amends?.caseId;
  let diarienummer: string | null = null;
  if (!caseId) {
    diarienummer = s.diarienummer === undefined ? uniqueDiarienummer(year) : s.diarienummer;
    const [row]: { id: string }[] = await ds.query(
      `INSERT INTO grant_case (diarienummer, nyps_id, track, status, organisation_id, title, aid_form, aid_subform,
         priority_claims, registration_date, version)
       VALUES ($1, $2, $3, 'beslutad', $4, $5, $6, $7, $8, $9, 1) RETURNING id`,
      [
        diarienummer,
        s.nypsId ?? null,
        track,
        s.organisationId,
        s.title ?? (track === 'projekt' ? 'Testprojekt' : 'Företagsstöd'),
        s.aidForm ? s.aidForm.split('/')[0] : null,
        s.aidForm?.split('/')[1] ?? null,
        s.priorityClaims ?? [],
        s.decisionDate,
      ],
    );
    caseId = row.id;
  }
  const outcome = s.outcome ?? 'bifall';
  const [d]: { id: string }[] = await ds.query(
    `INSERT INTO decision (case_id, kind, amends_decision_id, status, outcome, amount, rejection_grounds, aid_form,
       frame, decision_date, delegation_point, decided_by_namnd, signed_by_name, signed_by_title, signed_at, version)
     VALUES ($1, $2, $3, 'signerat', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1) RETURNING id`,
    [
      caseId,
      s.amends ? 'andringsbeslut' : 'beslut',
      s.amends?.decisionId ?? null,
      outcome,
      outcome === 'avslag' ? null : (s.amount ?? 10_000),
      outcome === 'avslag' ? (s.rejectionGrounds ?? 'Uppfyller ej villkor') : null,
      s.aidForm ?? null,
      s.frame ?? track,
      s.decisionDate,
      s.delegationPoint === undefined ? '3.3' : s.delegationPoint,
      s.delegationPoint === null,
      s.signedByName ?? 'Kim Beslutsson',
      s.signedByTitle ?? 'Områdeschef',
      s.signedAt ?? new Date(),
    ],
  );
  return { caseId, decisionId: d.id, diarienummer };
}

/** A delegation-order point for the tests' own period (points are data, so a test may add its own). */
export async function insertDelegationPoint(
  ds: DataSource,
  p: { point: string; title: string; decisionMakerTitle: string; validFrom: string; tracks?: string[] },
): Promise<void> {
  await ds.query(
    `INSERT INTO delegation_point (point, title, decision_maker_title, tracks, valid_from) VALUES ($1, $2, $3, $4, $5)`,
    [p.point, p.title, p.decisionMakerTitle, p.tracks ?? ['foretagsstod'], p.validFrom],
  );
}

/** Aid forms of the catalogue (sub-forms with their parent); existing codes are left as they are. */
export async function ensureAidForms(
  ds: DataSource,
  forms: { code: string; name: string; parent?: string }[],
): Promise<void> {
  for (const f of forms)
    await ds.query(
      `INSERT INTO catalogue_entry (kind, code, name, parent) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [f.parent ? 'aid_subform' : 'aid_form', f.code, f.name, f.parent ?? null],
    );
}
