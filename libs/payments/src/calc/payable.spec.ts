import { advanceCeiling, computePayable, type PayableInput } from './payable';

const mind: PayableInput = {
  grantAmount: 432_000,
  shareBp: 9000,
  approvedCostsToDate: 0,
  creditedBefore: 0,
  paidOutBefore: 0,
  advanceOutstanding: 0,
  advanceOffsetDue: 0,
  finalApproved: false,
  holdbackBp: 1000,
};

describe('computePayable', () => {
  it('pays the share of approved costs on a progress report', () => {
    const p = computePayable({ ...mind, approvedCostsToDate: 200_000 });
    expect(p).toMatchObject({ entitledTotal: 180_000, gross: 180_000, net: 180_000, advanceOffset: 0 });
    expect(p.terms.map((t) => t.term)).toEqual([
      'andel_av_godkanda_kostnader',
      'beviljat_belopp',
      'innehallet_till_slutrapport',
      'tidigare_tillgodoraknat',
      'beviljat_minus_utbetalt',
    ]);
    expect(p.terms[0].reason).toBe('90 % av godkända kostnader hittills 200 000 kr');
  });

  it('holds back the part kept for the final report until it is approved', () => {
    // 90 % of 484 000 is 435 600, above the grant; 10 % of 432 000 is held back.
    const progress = computePayable({ ...mind, approvedCostsToDate: 484_000 });
    expect(progress.net).toBe(388_800);
    const final = computePayable({
      ...mind,
      approvedCostsToDate: 484_000,
      creditedBefore: 388_800,
      paidOutBefore: 388_800,
      finalApproved: true,
    });
    expect(final.net).toBe(43_200);
    expect(final.terms.some((t) => t.term === 'innehallet_till_slutrapport')).toBe(false);
  });

  it('never lets the total pass the grant, at the boundary', () => {
    const at = computePayable({ ...mind, approvedCostsToDate: 480_000, finalApproved: true });
    expect(at.net).toBe(432_000); // 90 % of 480 000 = 432 000 exactly
    const above = computePayable({ ...mind, approvedCostsToDate: 480_002, finalApproved: true });
    expect(above.net).toBe(432_000);
    const below = computePayable({ ...mind, approvedCostsToDate: 479_998, finalApproved: true });
    expect(below.net).toBe(431_998);
  });

  it('pays nothing when costs fall and earlier payments already cover them', () => {
    const p = computePayable({
      ...mind,
      approvedCostsToDate: 100_000,
      creditedBefore: 180_000,
      paidOutBefore: 180_000,
      finalApproved: true,
    });
    expect(p.net).toBe(0);
    expect(p.gross).toBe(0);
  });

  it('offsets an advance by its plan, and all of it on the final payment', () => {
    const advance = { advanceOutstanding: 100_000, paidOutBefore: 100_000 };
    const first = computePayable({
      ...mind,
      ...advance,
      approvedCostsToDate: 200_000,
      advanceOffsetDue: 50_000,
    });
    expect(first).toMatchObject({ gross: 180_000, advanceOffset: 50_000, net: 130_000 });
    const final = computePayable({
      ...mind,
      approvedCostsToDate: 480_000,
      creditedBefore: 180_000,
      paidOutBefore: 230_000,
      advanceOutstanding: 50_000,
      advanceOffsetDue: 0,
      finalApproved: true,
    });
    expect(final).toMatchObject({ gross: 252_000, advanceOffset: 50_000, net: 202_000 });
    // Everything paid out, advance included: exactly the grant.
    expect(230_000 + final.net).toBe(432_000);
  });

  it('offsets more of the advance rather than pay out past the grant', () => {
    const p = computePayable({
      ...mind,
      grantAmount: 100_000,
      shareBp: 10000,
      holdbackBp: 0,
      approvedCostsToDate: 100_000,
      paidOutBefore: 50_000,
      advanceOutstanding: 50_000,
      advanceOffsetDue: 0,
    });
    expect(p).toMatchObject({ gross: 100_000, advanceOffset: 50_000, net: 50_000 });
  });

  it('limits an advance to half the grant and the fixed ceiling', () => {
    expect(advanceCeiling(432_000, { maxShareBp: 5000, maxAmount: 400_000 })).toBe(216_000);
    expect(advanceCeiling(1_675_505, { maxShareBp: 5000, maxAmount: 400_000 })).toBe(400_000);
    expect(advanceCeiling(800_001, { maxShareBp: 5000, maxAmount: 400_000 })).toBe(400_000);
  });
});
