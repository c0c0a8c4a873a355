import { evaluate } from './evaluate';
import { firmCase, kr, ruleSet2019 } from './spec-fixtures';
import type { Check, Evaluation, FirmEvaluationInput } from './types';

const rs = ruleSet2019();
const run = (o: Partial<FirmEvaluationInput>): Evaluation => evaluate(firmCase(o), rs);
const check = (e: Evaluation, rule: string): Check | undefined => e.checks.find((c) => c.rule === rule);

describe('incentive effect: the application arrives before the work starts', () => {
  it('refuses a start before the day the application arrived', () => {
    const e = run({ receivedAt: '2019-10-08T10:12:00Z', plannedStart: '2019-10-07' });
    expect(e.outcome).toBe('not_eligible');
    expect(check(e, 'incentive.start')?.reason).toContain(
      'planeras starta 2019-10-07, före den dag ansökan kom in (2019-10-08)',
    );
    expect(check(e, 'incentive.start')?.ref).toContain('Förordning (2015:210)');
  });

  it('refuses a start on the day the application arrived, and accepts the day after', () => {
    const same = run({ receivedAt: '2019-10-08T10:12:00Z', plannedStart: '2019-10-08' });
    expect(same.outcome).toBe('not_eligible');
    expect(check(same, 'incentive.start')?.reason).toContain('samma dag som ansökan kom in (2019-10-08)');
    expect(run({ receivedAt: '2019-10-08T10:12:00Z', plannedStart: '2019-10-09' }).outcome).toBe('eligible');
  });

  it('reads the receipt time in Stockholm time', () => {
    // 22:30 UTC on 7 October is 00:30 on 8 October in Stockholm (summer time).
    expect(run({ receivedAt: '2019-10-07T22:30:00Z', plannedStart: '2019-10-08' }).outcome).toBe(
      'not_eligible',
    );
    expect(run({ receivedAt: '2019-10-07T21:30:00Z', plannedStart: '2019-10-08' }).outcome).toBe('eligible');
  });

  it('fails the application as a whole when work was ordered on or before the day it arrived', () => {
    const lines = (date: string) => [
      { amount: 50_000, costType: 'machinery', date },
      { amount: 30_000, costType: 'equipment' },
    ];
    const before = run({ receivedAt: '2019-10-08T10:12:00Z', costLines: lines('2019-10-07') });
    expect(before.outcome).toBe('not_eligible');
    expect(before.maxGrant.amount).toBe(0);
    expect(check(before, 'incentive.cost_date')).toMatchObject({ severity: 'refusal' });
    expect(check(before, 'incentive.cost_date')?.reason).toBe(
      `1 kostnad (${kr('50 000')}) är beställd eller daterad senast den dag ansökan kom in (2019-10-08): insatsen har påbörjats innan ansökan kom in och stöd kan inte ges för den. Bara förberedande studier får ligga före ansökan.`,
    );
    expect(run({ receivedAt: '2019-10-08T10:12:00Z', costLines: lines('2019-10-08') }).outcome).toBe(
      'not_eligible',
    );
    expect(run({ receivedAt: '2019-10-08T10:12:00Z', costLines: lines('2019-10-09') }).outcome).toBe(
      'eligible',
    );
  });

  it('exempts only preparatory studies dated before the application', () => {
    const e = run({
      aidForm: 'konsultcheck',
      receivedAt: '2019-10-08T10:12:00Z',
      amountApplied: 20_000,
      costLines: [
        { amount: 10_000, costType: 'preparatory_study', date: '2019-09-01' },
        { amount: 40_000, costType: 'consultancy', date: '2019-10-20' },
      ],
    });
    expect(check(e, 'incentive.cost_date')).toBeUndefined();
    expect(e.outcome).not.toBe('not_eligible');
  });

  it('asks for a receipt time it cannot read', () => {
    const e = run({ receivedAt: 'igår' });
    expect(check(e, 'incentive.start')).toMatchObject({ passed: false, severity: 'remark' });
  });
});
