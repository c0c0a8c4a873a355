import {
  applyShare,
  eurToSek,
  formatKronor,
  formatShare,
  MoneyError,
  parseKronor,
  sekToEur,
  shareOf,
  simpleInterest,
  sum,
  withinShare,
} from './money';

describe('money', () => {
  it('applies a share rounding down to whole kronor', () => {
    expect(applyShare(3_351_011, 5000)).toBe(1_675_505); // PAN: 50 % of 3 351 011 = 1 675 505.5
    expect(applyShare(484_000, 9000)).toBe(435_600); // MIND: 90 % of 484 000
    expect(applyShare(918_163, 1500)).toBe(137_724); // Kottaberget: 15 % = 137 724.45
    expect(applyShare(0, 5000)).toBe(0);
    expect(applyShare(9_007_199_254_740, 9999)).toBe(9_006_298_534_814);
  });

  it('refuses fractional money', () => {
    expect(() => applyShare(10.5, 5000)).toThrow(MoneyError);
    expect(() => sum([1, 0.1])).toThrow(MoneyError);
  });

  it('computes shares exactly at the boundary', () => {
    expect(shareOf(150_000, 300_000)).toBe(5000);
    expect(shareOf(150_001, 300_000)).toBe(5001);
    expect(withinShare(150_000, 300_000, 5000)).toBe(true);
    expect(withinShare(150_001, 300_000, 5000)).toBe(false);
    expect(shareOf(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('converts between euro and kronor with the rate in öre', () => {
    expect(eurToSek(200_000, 1098)).toBe(2_196_000);
    expect(sekToEur(2_196_000, 1098)).toBe(200_000);
    expect(sekToEur(2_196_001, 1098)).toBe(200_001);
  });

  it('formats as the letters do', () => {
    expect(formatKronor(432_000, { space: ' ' })).toBe('432 000 kr');
    expect(formatKronor(3_586_849, { space: ' ', unit: false })).toBe('3 586 849');
    expect(formatKronor(400, { space: ' ' })).toBe('400 kr');
    expect(formatShare(9000)).toBe('90\u00a0%');
    expect(formatShare(5050)).toBe('50,5\u00a0%');
    expect(formatShare(1525)).toBe('15,25\u00a0%');
  });

  it('parses Swedish amounts and rejects the typo "75 00"', () => {
    expect(parseKronor('75 000')).toBe(75_000);
    expect(parseKronor('1 675 505')).toBe(1_675_505);
    expect(parseKronor('432000')).toBe(432_000);
    expect(parseKronor('432 000 kr')).toBe(432_000);
    expect(() => parseKronor('75 00')).toThrow(/75 00/);
    expect(() => parseKronor('12,5')).toThrow(MoneyError);
  });

  it('computes simple interest rounded down to whole kronor', () => {
    // 100 000 kr at 10 % a year for 365 days: exactly 10 000 kr.
    expect(simpleInterest(100_000, 1000, 365)).toBe(10_000);
    // 1 day of 10 % on 100 000 kr is 27.39… kr: rounded down.
    expect(simpleInterest(100_000, 1000, 1)).toBe(27);
    expect(simpleInterest(100_000, 1000, 0)).toBe(0);
    expect(simpleInterest(0, 1000, 30)).toBe(0);
    expect(() => simpleInterest(100.5, 1000, 1)).toThrow(MoneyError);
  });
});
