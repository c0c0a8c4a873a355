import type { DelegationPoint } from '../entities/delegation-point.entity';
import { coveringPoint } from './delegation.service';

const point = (p: Partial<DelegationPoint>): DelegationPoint => ({
  id: p.point ?? 'x',
  point: '3.3',
  title: 'Företagsstöd',
  decisionMakerTitle: 'Områdeschef',
  tracks: ['foretagsstod'],
  aidForms: [],
  limitKronor: 1_000_000,
  substituteAccountIds: [],
  validFrom: '2019-01-01',
  validTo: null,
  ...p,
});

describe('coveringPoint', () => {
  const points = [point({}), point({ point: '3.2', tracks: ['projekt'], limitKronor: 500_000 })];
  const q = {
    track: 'foretagsstod',
    aidForm: 'mikrobidrag',
    amount: 30_000,
    date: '2019-11-18',
    heldPoints: ['3.3'],
  };

  it('finds the point the signer holds for the case type, up to its limit', () => {
    expect(coveringPoint(points, q)?.point).toBe('3.3');
    expect(coveringPoint(points, { ...q, amount: 1_000_000 })?.point).toBe('3.3');
    expect(coveringPoint(points, { ...q, amount: 1_000_001 })).toBeNull();
  });

  it('refuses a signer without the point, another track, or a date outside the point', () => {
    expect(coveringPoint(points, { ...q, heldPoints: ['3.2'] })).toBeNull();
    expect(coveringPoint(points, { ...q, track: 'projekt', heldPoints: ['3.3'] })).toBeNull();
    expect(coveringPoint(points, { ...q, date: '2018-12-31' })).toBeNull();
    expect(coveringPoint([point({ aidForms: ['konsultcheck'] })], q)).toBeNull();
    expect(
      coveringPoint([point({ aidForms: ['kommersiell_service'] })], {
        ...q,
        aidForm: 'kommersiell_service/driftstod',
      })?.point,
    ).toBe('3.3');
  });
});
