import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@anslag/common';
import { formatKronor } from '@anslag/money';
import { DelegationPoint } from '../entities/delegation-point.entity';
import type { SubstituteFor } from '../entities/decision.entity';

export interface CoverageQuestion {
  track: string;
  aidForm: string | null;
  amount: number;
  date: string;
  heldPoints: string[];
}

export interface PersonRef {
  id: string;
  name: string;
  title: string | null;
}

/** A point of the delegation order with the people who hold it and their substitutes, by name. */
export type DelegationPointView = DelegationPoint & { holders: PersonRef[]; substitutes: PersonRef[] };

/** Who signs, and under which point: as its holder, or as a substitute (ersättare) and why. */
export interface SignerCoverage {
  point: DelegationPoint;
  substituteFor: SubstituteFor | null;
}

export interface SignerQuestion extends CoverageQuestion {
  caseId: string;
  signerId: string;
  /** A substitute's statement that the holder is away; kept with the decision. */
  substituteReason?: string | null;
}

/** Which point of the delegation order, held by the signer, covers a decision of this kind and amount. */
export function coveringPoint(points: DelegationPoint[], q: CoverageQuestion): DelegationPoint | null {
  const form = q.aidForm?.split('/')[0] ?? null;
  return (
    points.find(
      (p) =>
        q.heldPoints.includes(p.point) &&
        p.validFrom <= q.date &&
        (p.validTo === null || p.validTo >= q.date) &&
        p.tracks.includes(q.track) &&
        (p.aidForms.length === 0 || (form !== null && p.aidForms.includes(form))) &&
        (p.limitKronor === null || q.amount <= p.limitKronor),
    ) ?? null
  );
}

/**
 * `coveringPoint` as an SQL condition, for lists that must be cut in the database: true when a point of
 * `delegation_point` named in `:heldPoints` (text[]) and valid on `:coverageDate` covers a decision of
 * the track, aid form (its first part) and amount given as SQL expressions. The same tests, in the
 * same terms, as the function above (test/signable-list.e2e-spec.ts compares the two).
 */
export function coveringPointSql(track: string, aidForm: string, amount: string): string {
  return `EXISTS (
    SELECT 1 FROM delegation_point p
    WHERE p.point = ANY(:heldPoints::text[])
      AND p.valid_from <= :coverageDate::date AND (p.valid_to IS NULL OR p.valid_to >= :coverageDate::date)
      AND ${track} = ANY(p.tracks)
      AND (cardinality(p.aid_forms) = 0 OR split_part(${aidForm}, '/', 1) = ANY(p.aid_forms))
      AND (p.limit_kronor IS NULL OR COALESCE(${amount}, 0) <= p.limit_kronor))`;
}

interface AccountRow {
  id: string;
  display_name: string;
  title: string | null;
  delegation_points: string[];
}

const ref = (a: AccountRow): PersonRef => ({ id: a.id, name: a.display_name, title: a.title });

@Injectable()
export class DelegationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<DelegationPointView[]> {
    const points = await this.db
      .getRepository(DelegationPoint)
      .find({ order: { point: 'ASC', validFrom: 'DESC' } });
    const accounts: AccountRow[] = await this.db.query(
      `SELECT id, display_name, title, delegation_points FROM account
       WHERE active AND (delegation_points <> '{}' OR id = ANY($1)) ORDER BY display_name`,
      [points.flatMap((p) => p.substituteAccountIds)],
    );
    return points.map((p) => ({
      ...p,
      holders: accounts.filter((a) => a.delegation_points.includes(p.point)).map(ref),
      substitutes: p.substituteAccountIds
        .map((id) => accounts.find((a) => a.id === id))
        .filter((a): a is AccountRow => !!a)
        .map(ref),
    }));
  }

  /**
   * The signer's point: one they hold, or else one they are a substitute for, which they may use only
   * when every holder of it has declared jäv in the case or is away (the substitute says so, and why).
   */
  async coverSigner(em: EntityManager, q: SignerQuestion): Promise<SignerCoverage> {
    const points = await em.find(DelegationPoint);
    const held = coveringPoint(points, q);
    if (held) return { point: held, substituteFor: null };
    const mine = points.filter((p) => p.substituteAccountIds.includes(q.signerId));
    const p = coveringPoint(mine, { ...q, heldPoints: mine.map((x) => x.point) });
    if (!p) throw notCovered(q);
    const holders: (AccountRow & { jav: boolean })[] = await em.query(
      `SELECT a.id, a.display_name, a.title, a.delegation_points,
              EXISTS (SELECT 1 FROM conflict_of_interest j WHERE j.case_id = $2 AND j.account_id = a.id) AS jav
       FROM account a WHERE a.active AND $1 = ANY(a.delegation_points) ORDER BY a.display_name`,
      [p.point, q.caseId],
    );
    const names = holders.map((h) => h.display_name);
    if (holders.length > 0 && holders.every((h) => h.jav)) {
      const reason = `${names.join(', ')} har anmält jäv i ärendet`;
      return { point: p, substituteFor: { point: p.point, holders: names, ground: 'jav', reason } };
    }
    const stated = q.substituteReason?.trim();
    if (stated)
      return {
        point: p,
        substituteFor: { point: p.point, holders: names, ground: 'franvaro', reason: stated },
      };
    throw new DomainError(
      ErrorCode.DELEGATION_NOT_COVERED,
      `Du är ersättare för punkt ${p.point}; ersättaren beslutar när innehavaren (${names.join(', ') || 'ingen'}) har anmält jäv i ärendet eller är frånvarande. Ange skälet om innehavaren är frånvarande.`,
      [{ field: 'substituteReason', problem: 'krävs när ersättaren beslutar för en frånvarande innehavare' }],
    );
  }

  async create(dto: Omit<DelegationPoint, 'id'>): Promise<DelegationPoint> {
    await this.assertAccounts(dto.substituteAccountIds);
    return this.db.getRepository(DelegationPoint).save(dto);
  }

  async update(id: string, dto: Partial<Omit<DelegationPoint, 'id'>>): Promise<DelegationPoint> {
    const repo = this.db.getRepository(DelegationPoint);
    const row = await repo.findOne({ where: { id } });
    if (!row) throw DomainError.notFound('Delegationspunkten');
    if (dto.substituteAccountIds) await this.assertAccounts(dto.substituteAccountIds);
    return repo.save(Object.assign(row, dto));
  }

  private async assertAccounts(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found: { id: string }[] = await this.db.query(
      `SELECT id FROM account WHERE id = ANY($1) AND active AND 'beslutsfattare' = ANY(roles)`,
      [ids],
    );
    const missing = ids.findIndex((x) => !found.some((f) => f.id === x));
    if (missing >= 0)
      throw DomainError.validation(`substitutes[${missing}]`, 'ersättaren ska vara en aktiv beslutsfattare');
  }
}

function notCovered(q: CoverageQuestion): DomainError {
  return new DomainError(
    ErrorCode.DELEGATION_NOT_COVERED,
    `Ingen punkt i delegationsordningen som du innehar omfattar detta beslut (${formatKronor(q.amount, { space: ' ' })}); ärendet ska beslutas av den som har delegation eller av nämnden`,
    [{ field: 'delegation', problem: `innehavda punkter: ${q.heldPoints.join(', ') || 'inga'}` }],
  );
}
