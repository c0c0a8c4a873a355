import { addDays, fiscalYearStart, isIsoDate, stockholmDate, yearsBefore } from './dates';

describe('dates', () => {
  it('turns moments into Stockholm dates across the summer-time switches', () => {
    expect(stockholmDate('2019-03-30T22:59:00Z')).toBe('2019-03-30'); // 23:59 CET
    expect(stockholmDate('2019-03-30T23:30:00Z')).toBe('2019-03-31'); // 00:30 CET
    expect(stockholmDate('2019-03-31T21:59:00Z')).toBe('2019-03-31'); // 23:59 CEST
    expect(stockholmDate('2019-03-31T22:00:00Z')).toBe('2019-04-01'); // 00:00 CEST
    expect(stockholmDate('2019-10-26T22:30:00Z')).toBe('2019-10-27'); // 00:30 CEST
    expect(stockholmDate('2019-10-27T22:30:00Z')).toBe('2019-10-27'); // 23:30 CET
    expect(stockholmDate('2019-12-31T23:30:00Z')).toBe('2020-01-01');
  });

  it('accepts offsets, local times and bare dates, and rejects nonsense', () => {
    expect(stockholmDate('2019-10-08T00:30:00+02:00')).toBe('2019-10-08');
    expect(stockholmDate('2019-10-08T23:59:00')).toBe('2019-10-08');
    expect(stockholmDate('2019-10-08')).toBe('2019-10-08');
    expect(stockholmDate('igår')).toBeNull();
  });

  it('does calendar arithmetic on strings', () => {
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(yearsBefore('2024-02-29', 3)).toBe('2021-02-28');
    expect(yearsBefore('2024-02-29', 4)).toBe('2020-02-29');
    expect(fiscalYearStart('2019-06-15', 1)).toBe('2019-01-01');
    expect(fiscalYearStart('2019-06-15', 7)).toBe('2018-07-01');
    expect(fiscalYearStart('2019-07-01', 7)).toBe('2019-07-01');
  });

  it('agrees with the platform calendar and time-zone data', () => {
    const utc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    for (let day = -25_567; day < 47_482; day += 13) {
      expect(addDays('1970-01-01', day)).toBe(utc(day * 86_400_000));
    }
    const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 3_600_000 * 7 + 60_000 * 13) {
      expect(stockholmDate(new Date(ms).toISOString())).toBe(stockholm.format(ms));
    }
  });
});
