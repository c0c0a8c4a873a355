import { evaluate } from './evaluate';
import { kr, projectCase, ruleSet2019, rus2018 } from './spec-fixtures';
import type { Check, Evaluation, ProjectEvaluationInput } from './types';

const rs = ruleSet2019();
const rus = rus2018();
const run = (o: Partial<ProjectEvaluationInput> = {}): Evaluation => evaluate(projectCase(o), rs, rus);
const check = (e: Evaluation, rule: string): Check | undefined => e.checks.find((c) => c.rule === rule);
const rankOf = (o: Partial<ProjectEvaluationInput>) => (run(o).priority as { rank: string }).rank;

describe('projects: the ranking of Inriktningsbeslut 2019', () => {
  it('ranks co-financing of an EU project 1 whatever the area', () => {
    expect(rankOf({ euCofinancing: true, rusAreas: ['upplevelser_evenemang'] })).toBe('1');
    const e = run({ euCofinancing: true, rusAreas: ['kompetensforsorjning_matchning'] });
    expect(e.priority).toMatchObject({ rank: '1', alsoMatches: ['2a'] });
  });

  it('ranks Kompetensförsörjning och matchning 2a', () => {
    expect(rankOf({ rusAreas: ['kompetensforsorjning_matchning'] })).toBe('2a');
  });

  it('ranks Innovationskraft och specialisering and Näringsliv och entreprenörskap 2b', () => {
    expect(rankOf({ rusAreas: ['innovationskraft_specialisering'] })).toBe('2b');
    expect(rankOf({ rusAreas: ['naringsliv_entreprenorskap'] })).toBe('2b');
    expect(rankOf({ rusAreas: ['upplevelser_evenemang', 'naringsliv_entreprenorskap'] })).toBe('2b');
  });

  it('ranks a project that builds on earlier efforts 3', () => {
    expect(rankOf({ rusAreas: ['upplevelser_evenemang'], buildsOnEarlier: true })).toBe('3');
  });

  it('ranks a förstudie in any other area "förstudie", and keeps 2b for a förstudie in a ranked area (MIND)', () => {
    expect(rankOf({ rusAreas: ['transporter_infrastruktur'], forstudie: true })).toBe('förstudie');
    const mind = run({ forstudie: true });
    expect(mind.priority).toMatchObject({ rank: '2b', alsoMatches: ['förstudie'] });
  });

  it('quotes the decision as the letters do', () => {
    const e = run();
    expect(e.priority).toMatchObject({
      statement:
        'Enligt inriktningsbeslutet är projektet prioriterat enligt rangordningen 2b. Ansökningar inom prioriterade områden Innovationskraft och specialisering samt Näringsliv och entreprenörskap.',
      ref: 'Inriktningsbeslut 2019, Regionala utvecklingsprojekt, Inriktning, rangordning 2b',
    });
    expect(check(e, 'project.rus_area')?.reason).toBe(
      'Projektet genomförs enligt den regionala utvecklingsstrategins prioriterade område Innovationskraft och specialisering.',
    );
  });

  it('remarks on a project outside every priority without refusing it', () => {
    const e = run({ rusAreas: ['upplevelser_evenemang'] });
    expect(e.priority).toMatchObject({ rank: 'none', text: '' });
    expect(check(e, 'priority')).toMatchObject({ passed: true, severity: 'remark' });
    expect(e.outcome).toBe('eligible_with_remarks');
  });
});

describe('projects: amounts and basis', () => {
  it('caps at the amount applied for (MIND: 432 000 of 484 000)', () => {
    const e = run();
    expect(e.outcome).toBe('eligible');
    expect(e.maxGrant).toMatchObject({ amount: 432_000, limitedBy: ['ansokt'] });
    expect(e.legalBasis.map((b) => b.code)).toEqual(['SFS 2003:596']);
    expect(e.appealable).toBe(false);
  });

  it('grants PAN its 1 675 505 of 3 351 011', () => {
    const e = run({ bookedCostsTotal: 3_351_011, amountApplied: 1_675_505 });
    expect(e.maxGrant.amount).toBe(1_675_505);
  });

  it('never grants more than the booked costs', () => {
    const at = run({ bookedCostsTotal: 500_000, amountApplied: 500_000 });
    expect(at.maxGrant.amount).toBe(500_000);
    expect(check(at, 'grant.share')?.passed).toBe(true);
    const over = run({ bookedCostsTotal: 500_000, amountApplied: 500_001 });
    expect(over.maxGrant).toMatchObject({ amount: 500_000, limitedBy: ['andel'] });
    expect(check(over, 'grant.share')).toMatchObject({ passed: false, severity: 'remark' });
    expect(check(over, 'grant.share')?.reason).toContain(kr('500 000'));
  });

  it('refuses an application without an amount or costs', () => {
    expect(run({ amountApplied: 0 }).outcome).toBe('not_eligible');
    expect(run({ amountApplied: 0 }).maxGrant.amount).toBe(0);
    expect(run({ bookedCostsTotal: 0 }).outcome).toBe('not_eligible');
  });

  it('remarks on unknown or missing RUS areas', () => {
    expect(check(run({ rusAreas: ['okant'] }), 'project.rus_area')?.reason).toContain('okant');
    expect(check(run({ rusAreas: [] }), 'project.rus_area')).toMatchObject({ severity: 'remark' });
  });

  it('remarks when the rule set is not in force on the decision date', () => {
    const e = run({ decisionDate: '2018-12-31' });
    expect(e.checks[0]).toMatchObject({ rule: 'rule_set', severity: 'remark' });
    expect(e.outcome).toBe('eligible_with_remarks');
  });
});
