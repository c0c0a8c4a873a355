import { evaluate } from './evaluate';
import { firmCase, projectCase, ruleSet2019, rus2018 } from './spec-fixtures';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('evaluate is a function of its inputs only', () => {
  const rs = deepFreeze(ruleSet2019());
  const rus = deepFreeze(rus2018());

  it('gives the same answer twice and never changes its inputs', () => {
    const input = deepFreeze(
      firmCase({
        history: { grants: [{ aidForm: 'mikrobidrag', date: '2018-01-01', amount: 30_000 }], deMinimis: [] },
      }),
    );
    const a = evaluate(input, rs, rus);
    const b = evaluate(input, rs, rus);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    const project = deepFreeze(projectCase({ decisionDate: '2017-01-01' }));
    expect(evaluate(project, rs, rus)).toEqual(evaluate(project, rs, rus));
  });

  it('records the rule set and the RUS it was assessed under', () => {
    const e = evaluate(projectCase(), rs, rus);
    expect([e.ruleSetId, e.rusId]).toEqual(['inriktningsbeslut-2019', 'RUS 2018–2030']);
    expect(evaluate(projectCase(), rs).rusId).toBeNull();
  });

  it('cites a reference for every check', () => {
    const e = evaluate(firmCase({ aidForm: 'investeringsstod' }), rs, rus);
    for (const c of e.checks) expect(c.ref.length).toBeGreaterThan(10);
    for (const t of e.maxGrant.terms) expect(t.ref.length).toBeGreaterThan(10);
  });
});
