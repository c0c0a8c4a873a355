import { firmCase, org, ruleSet2019, rus2018 } from '../../../rules/src/spec-fixtures';
import { CurrentEvaluations, sameData, summarise } from './current-evaluations';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('sameData', () => {
  it('compares plain data at every depth', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: [] }, { a: {} })).toBe(false);
    expect(sameData({ a: null }, { a: {} })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    // A key left out is not the same as a key set to undefined: the rules could tell them apart.
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1, b: undefined })).toBe(true);
    expect(sameData({ a: undefined, b: 2 }, { b: 2, c: 3 })).toBe(false);
    expect(sameData('30000', 30_000)).toBe(false);
  });
});

describe('CurrentEvaluations', () => {
  const rules = ruleSet2019();
  const rus = rus2018();
  const input = () => firmCase({ amountApplied: 30_000, organisation: org({ inTatort: false }) });

  it('answers what the evaluation says', () => {
    const kept = new CurrentEvaluations();
    const round = kept.round();
    expect(round.summarise('a', input(), rules, rus)).toEqual(summarise(input(), rules, rus));
    expect(summarise(input(), rules, rus)).toMatchObject({
      outcome: expect.any(String),
      maxGrant: expect.any(Number),
      terms: expect.arrayContaining([{ term: 'ansokt', amount: 30_000 }]),
    });
  });

  it('keeps an evaluation for the same input under the same rule objects', () => {
    const kept = new CurrentEvaluations();
    const first = kept.round();
    const before = first.summarise('a', input(), rules, rus);
    first.keep();
    // Another object with the same content, as the next what-if builds it from the same rows.
    expect(kept.round().summarise('a', copy(input()), rules, rus)).toBe(before);
  });

  it('evaluates again when anything in the input changed, at any depth', () => {
    const kept = new CurrentEvaluations();
    const first = kept.round();
    const before = first.summarise('a', input(), rules, rus);
    first.keep();
    const lower = { ...input(), amountApplied: 12_000 };
    const second = kept.round();
    const after = second.summarise('a', lower, rules, rus);
    expect(after).not.toBe(before);
    expect(after).toEqual(summarise(lower, rules, rus));
    expect(after.maxGrant).toBe(12_000);
    second.keep();
    // Earlier aid found since: only in the history, deep in the input.
    const withHistory = {
      ...lower,
      history: {
        grants: [{ aidForm: 'mikrobidrag', date: '2018-03-01', amount: 40_000 }],
        deMinimis: [],
      },
    };
    const third = kept.round().summarise('a', withHistory, rules, rus);
    expect(third).not.toBe(after);
    expect(third).toEqual(summarise(withHistory, rules, rus));
  });

  it('evaluates again under other rule objects, even with the same content', () => {
    const kept = new CurrentEvaluations();
    const first = kept.round();
    const before = first.summarise('a', input(), rules, rus);
    first.keep();
    // A new adoption, extension or exchange rate gives new objects (PolicyService.inForce).
    expect(kept.round().summarise('a', input(), copy(rules), rus)).not.toBe(before);
    expect(kept.round().summarise('a', input(), rules, copy(rus))).not.toBe(before);
    const stricter = copy(rules);
    stricter.aidForms.mikrobidrag.maxPerDecision = 20_000;
    expect(kept.round().summarise('a', input(), stricter, rus).maxGrant).toBe(20_000);
  });

  it('drops, when a round is kept, the cases it did not see; a round not kept drops nothing', () => {
    const kept = new CurrentEvaluations();
    const first = kept.round();
    const a = first.summarise('a', input(), rules, rus);
    const b = first.summarise('b', input(), rules, rus);
    first.keep();
    // A what-if that failed half-way drops nothing.
    kept.round().summarise('a', input(), rules, rus);
    const second = kept.round();
    expect(second.summarise('a', input(), rules, rus)).toBe(a);
    expect(second.summarise('b', input(), rules, rus)).toBe(b);
    const third = kept.round();
    expect(third.summarise('a', input(), rules, rus)).toBe(a);
    third.keep();
    // 'b' was closed meanwhile: the third round did not see it, so it is not kept.
    expect(kept.round().summarise('b', input(), rules, rus)).not.toBe(b);
    expect(kept.round().summarise('a', input(), rules, rus)).toBe(a);
  });

  it('keeps an evaluation a round saw while an earlier one, still running, is kept', () => {
    const kept = new CurrentEvaluations();
    const earlier = kept.round();
    const later = kept.round();
    const b = later.summarise('b', input(), rules, rus);
    earlier.summarise('a', input(), rules, rus);
    earlier.keep();
    expect(kept.round().summarise('b', input(), rules, rus)).toBe(b);
  });
});
