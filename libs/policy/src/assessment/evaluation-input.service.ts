import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueService, GrantCase, Organisation, summariseBudget } from '@anslag/cases';
import { stockholmDate } from '@anslag/common';
import { arrayLiteral, kronorTransformer, readSideBySide, ReferenceCache } from '@anslag/database';
import type { EarlierGrant, EvaluationInput, RusCatalogue, ServiceAreaFact } from '@anslag/rules';

interface LedgerRow {
  organisation_id: string;
  organisationsnummer: string | null;
  organisation_name: string;
  case_id: string;
  granted_on: string;
  amount_eur: number;
  regime: string;
}
/** One member of an organisation's single undertaking, found from either side of a link. */
interface LinkRow {
  organisation_id: string;
  linked_number: string;
  linked_name: string;
  linked_id: string | null;
}
interface GrantRow {
  organisation_id: string;
  organisationsnummer: string | null;
  case_id: string;
  aid_form: string;
  decision_date: string;
  amount: string;
  diarienummer: string | null;
}

/** What the inputs read of the municipalities and the region's settings: reference data. */
interface Places {
  kommuner: Map<string, string>;
  /** The service programme's areas by postal code, null without a programme. */
  areas: Map<string, { name: string }> | null;
}

interface ServiceProgramme {
  title: string;
  areas: { name: string; postalCodes: string[] }[];
}

/** A budget line as the inputs read it (amounts as text, as pg gives bigint). */
export interface LineRow {
  case_id: string;
  kind: 'cost' | 'financing' | 'in_kind';
  code: string;
  label: string | null;
  year: number | null;
  amount: string;
  cost_type: string | null;
  dated: string | null;
}
/** A de minimis declaration as the inputs read it. */
export interface DeclarationRow {
  case_id: string;
  granted_on: string;
  amount: string;
  currency: 'SEK' | 'EUR';
  grantor: string;
  regulation: string | null;
  recipient: string | null;
}

/** What the evaluation reads of an organisation. */
export type EvaluationOrganisation = Pick<
  Organisation,
  | 'organisationsnummer'
  | 'postalCode'
  | 'kommunCode'
  | 'inTatort'
  | 'employees'
  | 'fteHundredths'
  | 'runBy'
  | 'bornOutsideNordics'
>;

/**
 * What the evaluation reads of a case: taken from an entity (`evaluationCaseOf`), or mapped from plain
 * rows when many cases are read at once (the what-if over every open case).
 */
export interface EvaluationCase extends Pick<
  GrantCase,
  | 'id'
  | 'organisationId'
  | 'track'
  | 'aidForm'
  | 'aidSubform'
  | 'amountApplied'
  | 'forstudie'
  | 'euCofinancing'
  | 'buildsOnEarlier'
  | 'rusAreas'
  | 'plannedStart'
  | 'priorityClaims'
  | 'stateAidFacts'
  | 'homeDelivery'
  | 'serviceAreaAttestation'
  | 'stateAidAssessment'
  | 'euBasis'
> {
  /** The registration date, else the date in Sweden the case was created. */
  registrationDate: string;
  /** When the application came in (else when the case was created), as an ISO instant. */
  receivedAt: string;
  organisation: EvaluationOrganisation | null;
  /**
   * The case's budget lines in order and its de minimis declarations, when the caller read them with the
   * case (the what-if reads them in its statement of the open cases); else the inputs read them.
   */
  rows?: { lines: LineRow[]; declarations: DeclarationRow[] };
}

export function evaluationCaseOf(c: GrantCase): EvaluationCase {
  return {
    ...c,
    registrationDate: c.registrationDate ?? stockholmDate(c.createdAt),
    receivedAt: (c.receivedAt ?? c.createdAt).toISOString(),
    organisation: c.organisation ?? null,
  };
}

/** Rows by a key, in the order given. */
function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const list = m.get(key(r));
    if (list) list.push(r);
    else m.set(key(r), [r]);
  }
  return m;
}

/** The rows of several lists, each once, in their original order. */
function union<T>(order: Map<T, number>, lists: (T[] | undefined)[]): readonly T[] {
  // Most organisations have no earlier aid, and most of the rest have it under one key only: a single
  // list is already in order and holds each row once.
  let only: T[] | undefined;
  let nonEmpty = 0;
  for (const list of lists) {
    if (list?.length) {
      only = list;
      nonEmpty++;
    }
  }
  if (nonEmpty <= 1) return only ?? [];
  const found = new Set<T>();
  for (const list of lists) for (const r of list ?? []) found.add(r);
  return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
}

const postal = (code: string) => code.replace(/\s/g, '');

/** The service programme's areas by postal code (without spaces): the first area to list a code. */
function areasByPostalCode(programme: ServiceProgramme | null): Map<string, { name: string }> | null {
  if (!programme) return null;
  const byCode = new Map<string, { name: string }>();
  for (const area of programme.areas) {
    for (const p of area.postalCodes) if (!byCode.has(postal(p))) byCode.set(postal(p), area);
  }
  return byCode;
}

/**
 * Whether a site lies where service is sparse (2000:284 § 5): an officer's attestation when there is
 * one, else the region's service programme by postal code, else unknown.
 */
function serviceAreaOf(
  c: EvaluationCase,
  areas: Map<string, { name: string }> | null,
): ServiceAreaFact | null {
  const att = c.serviceAreaAttestation;
  if (att) return { eligible: att.eligible, basis: 'attested', area: att.area, attestedBy: att.attestedBy };
  if (!areas || !c.organisation) return null;
  const area = areas.get(postal(c.organisation.postalCode));
  return {
    eligible: !!area,
    basis: 'programme',
    area: area?.name ?? `postnummer ${c.organisation.postalCode}`,
  };
}

/** RUS areas may be stored by code or by name (imported cases); the rules speak codes. */
function areaCodes(areas: string[], rus: RusCatalogue | undefined): string[] {
  if (!rus) return areas;
  return areas.map((a) => rus.areas.find((x) => x.code === a || x.name === a)?.code ?? a);
}

/**
 * Builds the rules library's input from stored cases, in bulk: a handful of queries however many cases,
 * so that the what-if over every open case stays fast.
 */
@Injectable()
export class EvaluationInputService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly cache: ReferenceCache,
  ) {}

  async build(
    cases: GrantCase[],
    rus: RusCatalogue | undefined,
    em: EntityManager = this.db.manager,
  ): Promise<Map<string, EvaluationInput>> {
    return this.buildFrom(cases.map(evaluationCaseOf), rus, em);
  }

  async buildFrom(
    cases: readonly EvaluationCase[],
    rus: RusCatalogue | undefined,
    em: EntityManager = this.db.manager,
  ): Promise<Map<string, EvaluationInput>> {
    const out = new Map<string, EvaluationInput>();
    if (cases.length === 0) return out;
    // Lines and declarations read with the cases need no statement of their own. The lists as array
    // literals, each made once (ids are uuids: nothing in them to quote). The statements read them with
    // `IN (SELECT unnest(…))` rather than `= ANY(…)`: for the latter the planner weighs every element of
    // the array, which for thousands of cases took longer than running the statement.
    const read = cases.every((c) => c.rows);
    const ids = read ? '' : `{${cases.map((c) => c.id).join(',')}}`;
    const orgIds = [...new Set(cases.map((c) => c.organisationId))];
    // Caps and the de minimis ledger follow the legal person: earlier decisions count for an organisation
    // when they were taken for its row or for its organisationsnummer, whatever row holds it now.
    const orgnrs = [
      ...new Set(cases.map((c) => c.organisation?.organisationsnummer).filter((n): n is string => !!n)),
    ];
    const orgList = `{${orgIds.join(',')}}`;
    // Side by side through the pool; one after another when `em` is a transaction's (one connection).
    const [lines, declarations, [links, ledger], grants, { kommuner, areas }, cat] = await readSideBySide(
      em,
      [
        () =>
          read
            ? Promise.resolve(cases.flatMap((c) => c.rows!.lines))
            : (em.query(
                `SELECT case_id, kind, code, label, year, amount::text, cost_type, dated::text
                 FROM budget_line WHERE case_id IN (SELECT unnest($1::uuid[])) ORDER BY position`,
                [ids],
              ) as Promise<LineRow[]>),
        () =>
          read
            ? Promise.resolve(cases.flatMap((c) => c.rows!.declarations))
            : (em.query(
                `SELECT case_id, granted_on::text, amount::text, currency, grantor, regulation, recipient
                 FROM de_minimis_declaration WHERE case_id IN (SELECT unnest($1::uuid[]))`,
                [ids],
              ) as Promise<DeclarationRow[]>),
        async (): Promise<[LinkRow[], LedgerRow[]]> => {
          // The single undertaking (1407/2013 art. 2.2): the organisations linked to each applicant,
          // whichever side recorded the link. Their de minimis aid from the region counts in the
          // applicant's room.
          const links = (await em.query(
            `SELECT l.organisation_id, l.linked_organisationsnummer AS linked_number, l.linked_name, o2.id AS linked_id
             FROM organisation_link l LEFT JOIN organisation o2 ON o2.organisationsnummer = l.linked_organisationsnummer
            WHERE l.organisation_id IN (SELECT unnest($1::uuid[]))
           UNION
           SELECT o.id, owner.organisationsnummer, owner.name, owner.id
             FROM organisation_link l
             JOIN organisation o ON o.organisationsnummer = l.linked_organisationsnummer
             JOIN organisation owner ON owner.id = l.organisation_id
            WHERE o.id IN (SELECT unnest($1::uuid[]))`,
            [orgList],
          )) as LinkRow[];
          const groupIds = [
            ...new Set([...orgIds, ...links.flatMap((l) => (l.linked_id ? [l.linked_id] : []))]),
          ];
          const groupNrs = [...new Set([...orgnrs, ...links.map((l) => l.linked_number)])];
          // The ledger of every member, by row or by legal person (the number in the decision's snapshot).
          const ledger = (await em.query(
            `SELECT l.organisation_id, d.snapshot ->> 'organisationsnummer' AS organisationsnummer,
                  o.name AS organisation_name, d.case_id, l.granted_on::text,
                  l.amount_eur - l.recovered_eur AS amount_eur, l.regime
             FROM de_minimis_ledger l
             JOIN decision d ON d.id = l.decision_id
             JOIN organisation o ON o.id = l.organisation_id
            WHERE l.organisation_id IN (SELECT unnest($1::uuid[]))
               OR d.snapshot ->> 'organisationsnummer' IN (SELECT unnest($2::text[]))`,
            [`{${groupIds.join(',')}}`, arrayLiteral(groupNrs)],
          )) as LedgerRow[];
          return [links, ledger];
        },
        () =>
          em.query(
            // The effective decision of each chain: a change decision replaces the one it amends.
            `SELECT * FROM (
               SELECT DISTINCT ON (COALESCE(d.amends_decision_id, d.id))
                      c.organisation_id, d.snapshot ->> 'organisationsnummer' AS organisationsnummer,
                      d.case_id, d.aid_form, d.decision_date::text,
                      -- what was recovered (återkrav) is not aid kept
                      (d.amount - COALESCE((SELECT SUM(r.amount) FROM recovery r
                         WHERE r.decision_id = COALESCE(d.amends_decision_id, d.id) AND r.status <> 'utkast'), 0))::text AS amount,
                      c.diarienummer, d.outcome
               FROM decision d JOIN grant_case c ON c.id = d.case_id
               WHERE d.status = 'signerat' AND d.aid_form IS NOT NULL
                 AND (c.organisation_id IN (SELECT unnest($1::uuid[]))
                      OR d.snapshot ->> 'organisationsnummer' IN (SELECT unnest($2::text[])))
               ORDER BY COALESCE(d.amends_decision_id, d.id), d.signed_at DESC
             ) effective WHERE outcome <> 'avslag'`,
            [orgList, arrayLiteral(orgnrs)],
          ) as Promise<GrantRow[]>,
        () => this.cache.get('policy:evaluation-places', (m) => this.places(m), em),
        () => this.catalogue.load(em),
      ],
    );
    // The amounts as numbers in the rows themselves: one object per line, however many lines.
    for (const l of lines) (l as { amount: unknown }).amount = kronorTransformer.from(l.amount);
    const linesBy = groupBy(
      lines as unknown as (Omit<LineRow, 'amount'> & { amount: number })[],
      (l) => l.case_id,
    );
    const declBy = groupBy(declarations, (d) => d.case_id);
    const linksBy = groupBy(links, (l) => l.organisation_id);
    // Earlier grants and the ledger by organisation row and by organisationsnummer, so that each case
    // looks up its own rows rather than filtering all of them.
    const grantOrder = new Map(grants.map((g, i) => [g, i]));
    const grantsByOrg = groupBy(grants, (g) => g.organisation_id);
    const grantsByNr = groupBy(grants, (g) => g.organisationsnummer);
    const ledgerOrder = new Map(ledger.map((l, i) => [l, i]));
    const ledgerByOrg = groupBy(ledger, (l) => l.organisation_id);
    const ledgerByNr = groupBy(ledger, (l) => l.organisationsnummer);

    for (const c of cases) {
      const registrationDate = c.registrationDate;
      const caseLines = linesBy.get(c.id) ?? [];
      if (c.track === 'projekt') {
        const s = summariseBudget(caseLines, cat.regionGrantFinanciers);
        out.set(c.id, {
          track: 'projekt',
          registrationDate,
          rusAreas: areaCodes(c.rusAreas, rus),
          forstudie: c.forstudie,
          euCofinancing: c.euCofinancing,
          buildsOnEarlier: c.buildsOnEarlier,
          bookedCostsTotal: s.costsTotal,
          amountApplied: s.askedOfRegion,
          stateAid: c.stateAidAssessment,
        });
        continue;
      }
      const org = c.organisation!;
      const nr = org.organisationsnummer ?? null;
      // The decisions of the case's legal person: for its organisation's row or its organisationsnummer.
      const earlier: EarlierGrant[] = union(grantOrder, [
        grantsByOrg.get(c.organisationId),
        nr === null ? undefined : grantsByNr.get(nr),
      ])
        .filter((g) => g.case_id !== c.id)
        .map((g) => ({
          aidForm: g.aid_form,
          date: g.decision_date,
          amount: Number(g.amount),
          diarienummer: g.diarienummer ?? undefined,
        }));
      const members = linksBy.get(c.organisationId) ?? [];
      // The ledger of each member of the single undertaking, by row and by legal person.
      const memberIds = [c.organisationId];
      const memberNrs = nr === null ? [] : [nr];
      for (const m of members) {
        if (m.linked_id && !memberIds.includes(m.linked_id)) memberIds.push(m.linked_id);
        if (m.linked_number != null && !memberNrs.includes(m.linked_number)) memberNrs.push(m.linked_number);
      }
      // A case's own ledger entry is not earlier aid: a change decision is measured without its own chain.
      const regionAid = union(ledgerOrder, [
        ...memberIds.map((id) => ledgerByOrg.get(id)),
        ...memberNrs.map((n) => ledgerByNr.get(n)),
      ]).filter((l) => l.case_id !== c.id);
      out.set(c.id, {
        track: 'foretagsstod',
        registrationDate,
        aidForm: c.aidForm ?? '',
        subform: c.aidSubform,
        costLines: caseLines
          .filter((l) => l.kind === 'cost')
          .map((l) => ({
            amount: l.amount,
            costType: l.cost_type ?? l.code,
            description: l.label ?? undefined,
            date: l.dated,
          })),
        amountApplied: c.amountApplied ?? 0,
        plannedStart: c.plannedStart ?? registrationDate,
        receivedAt: c.receivedAt,
        organisation: {
          // Reasons name the kommun: "utanför Örebro tätort (Lindesberg kommun)".
          kommun: org.kommunCode ? (kommuner.get(org.kommunCode) ?? org.kommunCode) : '',
          inTatort: org.inTatort,
          employees: org.employees,
          fte: org.fteHundredths,
          runBy: org.runBy,
          bornOutsideNordics: org.bornOutsideNordics,
          newInnovativeIdea: c.priorityClaims.includes('nya_affarsideer'),
        },
        priorityFlags: c.priorityClaims,
        history: {
          grants: earlier,
          deMinimis: [
            ...(declBy.get(c.id) ?? []).map((d) => ({
              date: d.granted_on,
              amount: kronorTransformer.from(d.amount) as number,
              currency: d.currency,
              grantor: d.grantor,
              regulation: d.regulation,
              recipient: d.recipient,
            })),
            ...regionAid.map((l) => ({
              date: l.granted_on,
              amount: l.amount_eur,
              currency: 'EUR' as const,
              grantor: 'regionen',
              regulation: l.regime,
              recipient: l.organisation_id === c.organisationId ? null : l.organisation_name,
            })),
          ],
        },
        euBasis: c.euBasis,
        singleUndertaking: members.map((m) => `${m.linked_name} (${m.linked_number})`),
        stateAidFacts: c.stateAidFacts,
        homeDelivery: c.homeDelivery,
        serviceArea: serviceAreaOf(c, areas),
      });
    }
    return out;
  }

  /** The municipalities' names and the service programme's areas, from memory (ReferenceCache). */
  private async places(em: EntityManager): Promise<Places> {
    const kommunRows = (await em.query('SELECT code, name FROM municipality')) as {
      code: string;
      name: string;
    }[];
    const [region] = (await em.query(
      `SELECT value->'serviceProgramme' AS programme FROM region_setting WHERE key = 'region'`,
    )) as { programme: ServiceProgramme | null }[];
    return {
      kommuner: new Map(kommunRows.map((m) => [m.code, m.name])),
      areas: areasByPostalCode(region?.programme ?? null),
    };
  }
}
