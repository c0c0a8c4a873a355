import { Clock, stockholmDate } from './clock';

describe('Clock', () => {
  it('gives the Stockholm calendar date, not the UTC one', () => {
    expect(stockholmDate(new Date('2019-12-31T23:30:00Z'))).toBe('2020-01-01');
    expect(stockholmDate(new Date('2019-06-30T21:59:00Z'))).toBe('2019-06-30');
    expect(stockholmDate(new Date('2019-06-30T22:00:00Z'))).toBe('2019-07-01');
  });

  it('can be set and released', () => {
    const clock = new Clock();
    clock.set(new Date('2019-11-18T09:00:00Z'));
    expect(clock.today()).toBe('2019-11-18');
    clock.set(null);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(5000);
  });
});
