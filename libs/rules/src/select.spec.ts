import { selectRuleSet, selectRusCatalogue } from './select';
import { ruleSet2019, rus2018 } from './spec-fixtures';
import type { RuleSet } from './types';

describe('selectRuleSet', () => {
  const rs2019 = ruleSet2019();
  const fixed2018: RuleSet = { ...rs2019, id: 'ib-2018', validFrom: '2018-01-01', validTo: '2018-12-31' };
  const rs2021: RuleSet = { ...rs2019, id: 'ib-2021', validFrom: '2021-01-01', validTo: null };
  const all = [rs2021, rs2019, fixed2018];

  it('picks the decision in force on the date, the fixed end inclusive', () => {
    expect(selectRuleSet(all, '2018-12-31')?.id).toBe('ib-2018');
    expect(selectRuleSet(all, '2019-01-01')?.id).toBe('inriktningsbeslut-2019');
    expect(selectRuleSet(all, '2020-12-31')?.id).toBe('inriktningsbeslut-2019');
  });

  it('prefers the latest validFrom when an open decision is overtaken by a newer one', () => {
    expect(selectRuleSet(all, '2021-01-01')?.id).toBe('ib-2021');
    expect(selectRuleSet([rs2019, rs2021], '2030-06-01')?.id).toBe('ib-2021');
  });

  it('returns null before any decision and when the list is empty', () => {
    expect(selectRuleSet(all, '2017-12-31')).toBeNull();
    expect(selectRuleSet([], '2019-05-01')).toBeNull();
  });

  it('keeps an open decision in force "tills vidare"', () => {
    expect(selectRuleSet([rs2019], '2024-03-01')?.id).toBe('inriktningsbeslut-2019');
  });

  it('selects the RUS version the same way', () => {
    const rus = rus2018();
    const update = { ...rus, version: '2021', validFrom: '2022-02-01' };
    expect(selectRusCatalogue([rus, update], '2020-01-22')?.version).toBe('2018');
    expect(selectRusCatalogue([rus, update], '2022-02-01')?.version).toBe('2021');
    expect(selectRusCatalogue([rus], '2018-02-28')).toBeNull();
  });
});
