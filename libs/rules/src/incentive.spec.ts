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

  it('accepts a start on the day the application arrived', () => {
    expect(run({ receivedAt: '2019-10-08T10:12:00Z', plannedStart: '2019-10-08' }).outcome).toBe('eligible');
  });

  it('reads the receipt time in Stockholm time', () => {
    // 22:30 UTC on 7 October is 00:30 on 8 October in Stockholm (summer time).
    const e = run({ receivedAt: '2019-10-07T22:30:00Z', plannedStart: '2019-10-07' });
    expect(e.outcome).toBe('not_eligible');
    expect(run({ receivedAt: '2019-10-07T21:30:00Z', plannedStart: '2019-10-07' }).outcome).toBe('eligible');
  });

  it('takes out any cost dated before the receipt, with a remark', () => {
    const e = run({
      receivedAt: '2019-10-08T10:12:00Z',
      amountApplied: 30_000,
      costLines: [
        { amount: 50_000, costType: 'machinery', date: '2019-10-07' },
        { amount: 40_000, costType: 'machinery', date: '2019-10-08' },
        { amount: 30_000, costType: 'equipment' },
      ],
    });
    expect(e.eligibleCosts).toBe(70_000);
    expect(e.maxGrant.amount).toBe(30_000);
    expect(e.outcome).toBe('eligible_with_remarks');
    expect(check(e, 'incentive.cost_date')?.reason).toBe(
      `1 kostnad (${kr('50 000')}) är daterad före den dag ansökan kom in (2019-10-08) och räknas bort: stöd ges inte för det som redan påbörjats.`,
    );
  });

  it('asks for a receipt time it cannot read', () => {
    const e = run({ receivedAt: 'igår' });
    expect(check(e, 'incentive.start')).toMatchObject({ passed: false, severity: 'remark' });
  });
});
