import { evaluate } from './evaluate';
import { firmCase, projectCase, ruleSet2019, rus2018 } from './spec-fixtures';
import type { Check, Evaluation, FirmEvaluationInput, ProjectEvaluationInput, StateAidFacts } from './types';

const rs = ruleSet2019();
const rus = rus2018();
const check = (e: Evaluation, rule: string): Check | undefined => e.checks.find((c) => c.rule === rule);

const startup: StateAidFacts = {
  registeredOn: '2016-01-10',
  listed: false,
  distributedProfits: false,
  formedThroughMerger: false,
  headcount: 3,
  turnoverKronor: 2_000_000,
  balanceSheetKronor: null,
  includesLinked: true,
  inDifficulty: false,
};
const sadd = (facts: StateAidFacts | null, o: Partial<FirmEvaluationInput> = {}) =>
  evaluate(
    firmCase({
      aidForm: 'saddbidrag',
      amountApplied: 100_000,
      costLines: [{ amount: 200_000, costType: 'external_services' }],
      stateAidFacts: facts,
      ...o,
    }),
    rs,
    rus,
  );

describe('såddbidrag under GBER art. 22', () => {
  it('grants a small, unlisted company registered at most five years ago', () => {
    const e = sadd(startup);
    expect(e.outcome).toBe('eligible');
    expect(check(e, 'state_aid.startup')?.passed).toBe(true);
  });

  it('refuses a company registered more than five years before the decision (boundary day)', () => {
    // decision 2019-11-15: registered 2014-11-15 is five years, 2014-11-14 is more
    expect(sadd({ ...startup, registeredOn: '2014-11-15' }).outcome).toBe('eligible');
    const old = sadd({ ...startup, registeredOn: '2014-11-14' });
    expect(old.outcome).toBe('not_eligible');
    expect(check(old, 'state_aid.startup')?.reason).toContain('mer än 5 år före beslutet');
  });

  it('refuses a listed company, one that distributed profits, one formed through a merger', () => {
    expect(sadd({ ...startup, listed: true }).outcome).toBe('not_eligible');
    expect(sadd({ ...startup, distributedProfits: true }).outcome).toBe('not_eligible');
    expect(sadd({ ...startup, formedThroughMerger: true }).outcome).toBe('not_eligible');
  });

  it('needs a small enterprise: a medium-sized one is refused', () => {
    const medium = sadd({ ...startup, headcount: 50 });
    expect(medium.outcome).toBe('not_eligible');
    expect(check(medium, 'state_aid.sme')?.reason).toContain('ett medelstort företag');
  });

  it('asks for the facts it lacks instead of guessing', () => {
    const e = sadd({ inDifficulty: false });
    expect(e.outcome).toBe('eligible_with_remarks');
    expect(check(e, 'state_aid.startup')?.reason).toContain('registreringsdag');
    expect(check(e, 'state_aid.sme')?.severity).toBe('remark');
  });
});

describe('investeringsstöd under GBER art. 17: the SME definition with linked companies', () => {
  const inv = (facts: StateAidFacts) =>
    evaluate(
      firmCase({
        aidForm: 'investeringsstod',
        stateAidRoute: 'gber',
        amountApplied: 1_000_000,
        costLines: [{ amount: 10_000_000, costType: 'machinery' }],
        organisation: { ...firmCase().organisation, employees: 10 },
        stateAidFacts: facts,
      }),
      rs,
      rus,
    );
  const base: StateAidFacts = {
    headcount: 49,
    turnoverKronor: 50_000_000,
    includesLinked: true,
    inDifficulty: false,
  };

  it('gives a small firm 20 % and a medium-sized one 10 %, by headcount with linked companies', () => {
    expect(inv(base).maxGrant.terms.find((t) => t.term === 'andel')?.amount).toBe(2_000_000);
    // 10 employees of its own, 50 with the parent company: medium-sized
    expect(inv({ ...base, headcount: 50 }).maxGrant.terms.find((t) => t.term === 'andel')?.amount).toBe(
      1_000_000,
    );
  });

  it('counts turnover or balance sheet: over both limits is medium, then large', () => {
    // Nov 2019 at 10.73 kr/euro: 10 M euro ≈ 107.3 M kr
    expect(smeOf(inv({ ...base, turnoverKronor: 107_300_000 }))).toBe(2_000_000);
    expect(smeOf(inv({ ...base, turnoverKronor: 107_400_000 }))).toBe(1_000_000);
    expect(smeOf(inv({ ...base, turnoverKronor: 107_400_000, balanceSheetKronor: 100_000_000 }))).toBe(
      2_000_000,
    );
    const large = inv({ ...base, headcount: 250 });
    expect(large.outcome).toBe('not_eligible');
    expect(check(large, 'state_aid.sme')?.reason).toContain('inte ett litet eller medelstort företag');
  });

  it('flags figures that leave out linked companies', () => {
    expect(check(inv({ ...base, includesLinked: false }), 'state_aid.sme')?.severity).toBe('remark');
  });
});
const smeOf = (e: Evaluation) => e.maxGrant.terms.find((t) => t.term === 'andel')?.amount;

describe('no aid to an undertaking in difficulty; de minimis sector and export exclusions', () => {
  it('refuses an undertaking in difficulty, and asks when it is not known', () => {
    const hard = evaluate(firmCase({ stateAidFacts: { inDifficulty: true } }), rs, rus);
    expect(hard.outcome).toBe('not_eligible');
    expect(check(hard, 'state_aid.in_difficulty')?.reason).toContain('företag i svårigheter');
    const unknown = evaluate(firmCase({ stateAidFacts: null }), rs, rus);
    expect(check(unknown, 'state_aid.in_difficulty')?.severity).toBe('remark');
  });

  it('refuses de minimis aid to fishery or primary agriculture, and to export activities', () => {
    const act = (activities: string[]) =>
      evaluate(firmCase({ stateAidFacts: { inDifficulty: false, activities } }), rs, rus);
    expect(act(['fiske_vattenbruk']).outcome).toBe('not_eligible');
    expect(act(['primarproduktion_jordbruk']).outcome).toBe('not_eligible');
    expect(check(act(['exportverksamhet']), 'state_aid.excluded_activity')?.reason).toContain(
      'exportrelaterad',
    );
    expect(act([]).outcome).toBe('eligible');
  });

  it('does not apply the de minimis exclusions to hemsändningsbidrag, which is not state aid to a firm', () => {
    const e = evaluate(
      firmCase({
        aidForm: 'kommersiell_service/hemsandningsbidrag',
        costLines: [{ amount: 30_000, costType: 'home_delivery' }],
        amountApplied: 3_000,
        homeDelivery: { netCost: 30_000, householdDeliveries: 50 },
        stateAidFacts: { activities: ['primarproduktion_jordbruk'] },
      }),
      rs,
      rus,
    );
    expect(check(e, 'state_aid.excluded_activity')).toBeUndefined();
    expect(check(e, 'state_aid.in_difficulty')).toBeUndefined();
  });
});

describe('project co-financing: the state-aid assessment (2003:596 § 2)', () => {
  const proj = (stateAid: ProjectEvaluationInput['stateAid']) => evaluate(projectCase({ stateAid }), rs, rus);
  const c = (e: Evaluation) => check(e, 'project.state_aid');

  it('asks for the assessment when none is recorded', () => {
    expect(c(proj(null))).toMatchObject({ severity: 'remark' });
    expect(c(proj({ isStateAid: false }))?.passed).toBe(true);
  });

  it('refuses state aid the government has not been told of before the decision, and notes it when told', () => {
    const untold = proj({ isStateAid: true });
    expect(untold.outcome).toBe('not_eligible');
    expect(c(untold)?.reason).toContain('regeringen ska underrättas innan beslut fattas');
    expect(c(proj({ isStateAid: true, governmentNotifiedOn: '2019-10-01' }))).toMatchObject({
      severity: 'remark',
    });
  });

  it('flags an overlap with the company-aid ordinances', () => {
    const e = proj({ isStateAid: false, overlapsWith: ['SFS 2000:284'] });
    expect(check(e, 'project.overlap')?.reason).toContain('SFS 2000:284');
    expect(check(proj({ isStateAid: false, overlapsWith: [] }), 'project.overlap')).toBeUndefined();
  });
});
