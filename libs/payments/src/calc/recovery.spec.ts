import { recoveryInterest } from './recovery';

describe('recoveryInterest', () => {
  const rates = [
    { from: '2020-01-01', to: '2020-06-30', yearlyRateBp: 200 },
    { from: '2020-07-01', to: null, yearlyRateBp: 300 },
  ];

  it('applies each rate to the days it covers', () => {
    const r = recoveryInterest(100_000, '2020-06-01', '2020-07-31', rates);
    expect(r.lines).toEqual([
      { from: '2020-06-01', to: '2020-06-30', days: 30, rateBp: 200, amount: 164 },
      { from: '2020-07-01', to: '2020-07-31', days: 31, rateBp: 300, amount: 254 },
    ]);
    expect(r.total).toBe(418);
  });

  it('charges nothing for an empty period', () => {
    expect(recoveryInterest(100_000, '2020-08-01', '2020-07-31', rates).total).toBe(0);
    expect(recoveryInterest(100_000, '2020-08-01', '2020-08-01', rates).lines[0].days).toBe(1);
  });
});
