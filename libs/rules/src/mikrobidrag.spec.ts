import { evaluate } from './evaluate';
import { firmCase, kr, org, ruleSet2019, rus2018 } from './spec-fixtures';
import type { Check, Evaluation, FirmEvaluationInput, OrganisationFacts } from './types';

const rs = ruleSet2019();
const rus = rus2018();
const run = (o: Partial<FirmEvaluationInput> = {}): Evaluation => evaluate(firmCase(o), rs, rus);
const withOrg = (o: Partial<OrganisationFacts>) => run({ organisation: org(o) });
const check = (e: Evaluation, rule: string): Check | undefined => e.checks.find((c) => c.rule === rule);
const earlier = (...amounts: number[]) => ({
  grants: amounts.map((amount, i) => ({ aidForm: 'mikrobidrag', date: `2019-0${5 + i}-01`, amount })),
  deMinimis: [],
});

describe('mikrobidrag: 50 %, 30 000 kr per beslut', () => {
  it('grants 30 000 kr of 60 000 kr', () => {
    const e = run();
    expect(e.outcome).toBe('eligible');
    expect(e.maxGrant.amount).toBe(30_000);
    expect(e.maxGrant.terms.map((t) => [t.term, t.amount])).toEqual([
      ['andel', 30_000],
      ['per_beslut', 30_000],
      ['per_foretag', 60_000],
      ['ansokt', 30_000],
      ['de_minimis', 2_146_000],
    ]);
  });

  it('caps 30 001 kr at 30 000 kr with a remark naming the cap', () => {
    const e = run({ amountApplied: 30_001, costLines: [{ amount: 80_000, costType: 'machinery' }] });
    expect(e.outcome).toBe('eligible_with_remarks');
    expect(e.maxGrant).toMatchObject({ amount: 30_000, limitedBy: ['per_beslut'] });
    const c = check(e, 'grant.per_decision');
    expect(c).toMatchObject({
      passed: false,
      severity: 'remark',
      ref: 'Inriktningsbeslut 2019, Regionala företagsstöd, Mikrobidrag',
    });
    expect(c?.reason).toContain(`högsta beloppet ${kr('30 000')} per beslut`);
  });

  it('accepts exactly 50 % and caps 50.01 % at the share', () => {
    const at = run({ amountApplied: 20_000, costLines: [{ amount: 40_000, costType: 'machinery' }] });
    expect(at.outcome).toBe('eligible');
    expect(check(at, 'grant.share')?.passed).toBe(true);
    const over = run({ amountApplied: 20_004, costLines: [{ amount: 40_000, costType: 'machinery' }] });
    expect(over.maxGrant).toMatchObject({ amount: 20_000, limitedBy: ['andel'] });
    expect(check(over, 'grant.share')?.reason).toContain('50,01\u00a0%');
    expect(check(over, 'grant.share')?.reason).toContain('högst 50\u00a0% får ges');
  });

  it('counts only consultancy-like costs, machines and equipment', () => {
    const e = run({
      amountApplied: 30_000,
      costLines: [
        { amount: 40_000, costType: 'machinery' },
        { amount: 20_000, costType: 'building' },
      ],
    });
    expect(e.eligibleCosts).toBe(40_000);
    expect(e.maxGrant.amount).toBe(20_000);
    expect(check(e, 'costs.excluded')?.reason).toContain('ingår inte i stödformen');
  });
});

describe('mikrobidrag: size of the firm', () => {
  it('takes 4 employees and refuses 5', () => {
    expect(withOrg({ employees: 4 }).outcome).toBe('eligible');
    const e = withOrg({ employees: 5 });
    expect(e.outcome).toBe('not_eligible');
    expect(e.maxGrant.amount).toBe(0);
    expect(check(e, 'size.employees')?.reason).toBe(
      'Mikrobidrag ges till företag med högst 4 anställda; företaget har 5.',
    );
  });

  it('takes 0.50 full-time equivalents and refuses 0.49', () => {
    expect(withOrg({ fte: 50 }).outcome).toBe('eligible');
    const e = withOrg({ fte: 49 });
    expect(e.outcome).toBe('not_eligible');
    expect(check(e, 'size.fte')?.reason).toContain('minst 0,5 årsarbetskraft');
    expect(check(e, 'size.fte')?.reason).toContain('0,49');
  });

  it('asks for missing facts instead of guessing', () => {
    const e = withOrg({ employees: null, fte: null });
    expect(e.outcome).toBe('eligible_with_remarks');
    expect(check(e, 'size.employees')).toMatchObject({ severity: 'remark' });
    expect(check(e, 'size.fte')).toMatchObject({ severity: 'remark' });
  });
});

describe('mikrobidrag: Örebro tätort and its two exceptions', () => {
  const inTatort = { kommun: 'Örebro', inTatort: true } as const;

  it('refuses a firm in Örebro tätort when no exception holds', () => {
    const e = withOrg({ ...inTatort, runBy: 'man', bornOutsideNordics: false, newInnovativeIdea: true });
    expect(e.outcome).toBe('not_eligible');
    const c = check(e, 'geography');
    expect(c).toMatchObject({
      severity: 'refusal',
      ref: 'Inriktningsbeslut 2019, Regionala företagsstöd, Mikrobidrag, undantag i Örebro tätort',
    });
    expect(c?.reason).toContain('Mikrobidrag ges inte till företag i Örebro tätort');
  });

  it('grants in the tätort to a firm run by persons born outside the Nordic countries', () => {
    const e = withOrg({ ...inTatort, bornOutsideNordics: true });
    expect(e.outcome).toBe('eligible');
    expect(check(e, 'geography')?.reason).toContain('födda utanför Norden');
  });

  it('grants in the tätort to a firm run by women with a new innovative idea, and not without it', () => {
    const yes = withOrg({
      ...inTatort,
      runBy: 'kvinnor',
      bornOutsideNordics: false,
      newInnovativeIdea: true,
    });
    expect(yes.outcome).toBe('eligible');
    expect(yes.priority).toMatchObject({
      criteria: [{ code: 'nya_affarsideer' }, { code: 'drivs_av_kvinnor' }],
    });
    const noIdea = withOrg({
      ...inTatort,
      runBy: 'kvinnor',
      bornOutsideNordics: false,
      newInnovativeIdea: false,
    });
    expect(noIdea.outcome).toBe('not_eligible');
    const both = withOrg({ ...inTatort, runBy: 'bada', bornOutsideNordics: false, newInnovativeIdea: true });
    expect(both.outcome).toBe('not_eligible');
  });

  it('asks when the facts for the exceptions are unknown', () => {
    const e = withOrg({ ...inTatort, runBy: 'kvinnor', bornOutsideNordics: null, newInnovativeIdea: null });
    expect(check(e, 'geography')).toMatchObject({ severity: 'remark' });
  });

  it('grants outside the tätort in Örebro kommun (Vintrosa)', () => {
    expect(withOrg({ kommun: 'Örebro', inTatort: false }).outcome).toBe('eligible');
  });
});

describe('mikrobidrag: 60 000 kr per company in total', () => {
  it('lets a second grant reach exactly 60 000 kr', () => {
    const e = run({ history: earlier(30_000) });
    expect(e.outcome).toBe('eligible');
    expect(e.maxGrant.amount).toBe(30_000);
  });

  it('caps a second grant that would pass 60 000 kr at what is left', () => {
    const e = run({ history: earlier(30_000, 10_001) });
    expect(e.maxGrant).toMatchObject({ amount: 19_999, limitedBy: ['per_foretag'] });
    const c = check(e, 'grant.per_company');
    expect(c).toMatchObject({ passed: false, severity: 'remark' });
    expect(c?.reason).toContain(
      `tidigare beviljat enligt Inriktningsbeslut 2019 ${kr('40 001')}, återstår ${kr('19 999')}`,
    );
  });

  it('refuses when nothing is left, and ignores other aid forms', () => {
    const e = run({ history: earlier(30_000, 30_000) });
    expect(e.outcome).toBe('not_eligible');
    expect(e.maxGrant.amount).toBe(0);
    expect(check(e, 'grant.per_company')?.reason).toContain(`högst ${kr('60 000')} per företag`);
    const other = run({
      history: { grants: [{ aidForm: 'konsultcheck', date: '2018-01-01', amount: 150_000 }], deMinimis: [] },
    });
    expect(other.maxGrant.amount).toBe(30_000);
  });
});

describe('mikrobidrag: the window of the per-company cap is configuration', () => {
  const grant = (date: string) => ({
    grants: [{ aidForm: 'mikrobidrag', date, amount: 60_000 }],
    deMinimis: [],
  });
  const withWindow = (w: NonNullable<(typeof rs.aidForms)['mikrobidrag']['maxPerCompanyWindow']>) => {
    const copy = structuredClone(rs);
    copy.aidForms.mikrobidrag.maxPerCompanyWindow = w;
    return copy;
  };

  it('the demo data counts grants under the inriktningsbeslut: from its first day, not the day before', () => {
    expect(rs.aidForms.mikrobidrag.maxPerCompanyWindow).toEqual({ kind: 'rule_set' });
    expect(run({ history: grant('2019-01-01') }).outcome).toBe('not_eligible');
    expect(run({ history: grant('2018-12-31') }).maxGrant.amount).toBe(30_000);
  });

  it('all time counts every grant', () => {
    const e = evaluate(firmCase({ history: grant('2010-01-01') }), withWindow({ kind: 'all_time' }), rus);
    expect(e.outcome).toBe('not_eligible');
  });

  it('N years counts the grants of the N years before the decision day', () => {
    const three = withWindow({ kind: 'years', years: 3 });
    // decision 2019-11-15: the window starts 2016-11-15
    expect(evaluate(firmCase({ history: grant('2016-11-15') }), three, rus).outcome).toBe('not_eligible');
    const before = evaluate(firmCase({ history: grant('2016-11-14') }), three, rus);
    expect(before.maxGrant.amount).toBe(30_000);
    expect(before.checks.find((c) => c.rule === 'grant.per_company')?.reason).toContain(
      'de senaste 3 åren (sedan 2016-11-15)',
    );
  });
});
