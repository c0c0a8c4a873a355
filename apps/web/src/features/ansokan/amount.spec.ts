import { parseAmount, sumAmounts } from './amount';

describe('amounts as typed', () => {
  it('reads whole kronor, with spaces as thousands separators', () => {
    expect(parseAmount('432 000')).toBe(432_000);
    expect(parseAmount('432\u00a0000')).toBe(432_000);
    expect(parseAmount('  ')).toBeUndefined();
  });

  it('passes anything else on as typed, for the API to name', () => {
    expect(parseAmount('12,5')).toBe('12,5');
    expect(parseAmount('-3')).toBe('-3');
  });

  it('sums what are whole kronor for the running total', () => {
    expect(sumAmounts(['40 000', '20000', 'abc', ''])).toBe(60_000);
  });
});
