import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@anslag/common';
import { formatKronor } from '@anslag/money';
import { DelegationPoint } from '../entities/delegation-point.entity';

export interface CoverageQuestion {
  track: string;
  aidForm: string | null;
  amount: number;
  date: string;
  heldPoints: string[];
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

@Injectable()
export class DelegationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<DelegationPoint[]> {
    return this.db.getRepository(DelegationPoint).find({ order: { point: 'ASC', validFrom: 'DESC' } });
  }

  async assertCovered(em: EntityManager, q: CoverageQuestion): Promise<DelegationPoint> {
    const points = await em.find(DelegationPoint);
    const p = coveringPoint(points, q);
    if (!p) {
      throw new DomainError(
        ErrorCode.DELEGATION_NOT_COVERED,
        `Ingen punkt i delegationsordningen som du innehar omfattar detta beslut (${formatKronor(q.amount, { space: ' ' })}); ärendet ska beslutas av den som har delegation eller av nämnden`,
        [{ field: 'delegation', problem: `innehavda punkter: ${q.heldPoints.join(', ') || 'inga'}` }],
      );
    }
    return p;
  }

  async create(dto: Omit<DelegationPoint, 'id'>): Promise<DelegationPoint> {
    return this.db.getRepository(DelegationPoint).save(dto);
  }

  async update(id: string, dto: Partial<Omit<DelegationPoint, 'id'>>): Promise<DelegationPoint> {
    const repo = this.db.getRepository(DelegationPoint);
    const row = await repo.findOne({ where: { id } });
    if (!row) throw DomainError.notFound('Delegationspunkten');
    return repo.save(Object.assign(row, dto));
  }
}
