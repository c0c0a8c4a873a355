import { ruleSet2019, rus2018 } from './spec-fixtures';
import type { RuleSet } from './types';
import { validateRuleSet } from './validate';

const rus = rus2018();
const edit = (change: (rs: RuleSet) => void) => {
  const rs = ruleSet2019();
  change(rs);
  return validateRuleSet(rs, rus);
};

describe('validateRuleSet: policy checks of an edited inriktningsbeslut', () => {
  it('refuses a share above 100 % and accepts exactly 100 %', () => {
    expect(edit((rs) => (rs.aidForms.mikrobidrag.maxShareBp = 10_001))).toEqual([
      {
        field: 'aidForms.mikrobidrag.maxShareBp',
        problem: 'Andelen 100.01 % är över 100 % (högst 10000 baspunkter).',
      },
    ]);
    expect(edit((rs) => (rs.aidForms.mikrobidrag.maxShareBp = 10_000))).toEqual([]);
    expect(edit((rs) => (rs.projectRules.maxShareBp = -1))[0].field).toBe('projectRules.maxShareBp');
  });

  it('refuses negative or fractional caps', () => {
    expect(edit((rs) => (rs.aidForms.konsultcheck.maxPerDecision = -1))).toEqual([
      { field: 'aidForms.konsultcheck.maxPerDecision', problem: 'Beloppet får inte vara negativt.' },
    ]);
    expect(edit((rs) => (rs.frames.projekt.amount = 1.5))[0].field).toBe('frames.projekt.amount');
  });

  it('refuses a per-company cap below the per-decision cap', () => {
    expect(edit((rs) => (rs.aidForms.mikrobidrag.maxPerCompany = 29_999))[0].problem).toBe(
      'Taket per företag är lägre än taket per beslut.',
    );
  });

  it('refuses an unknown aid form in a sub-frame and an unknown frame on a form', () => {
    const problems = edit((rs) => {
      rs.frames.foretagsstod.aidForms = { okand: 100 };
      rs.aidForms.saddbidrag.frame = 'nope';
    });
    expect(problems.map((p) => p.field)).toEqual([
      'frames.foretagsstod.aidForms.okand',
      'aidForms.saddbidrag.frame',
    ]);
    expect(problems[0].problem).toBe('Okänd stödform ”okand”.');
  });

  it('refuses an unknown RUS area in the ranking', () => {
    expect(
      edit((rs) => {
        const r = rs.projectRanking[1].criterion;
        if (r.kind === 'rus_area') r.areas.push('rymdfart');
      }),
    ).toEqual([
      { field: 'projectRanking[1].criterion.areas', problem: 'Okänt område ”rymdfart” i RUS 2018–2030.' },
    ]);
  });

  it('refuses an end before the start, and bad dates', () => {
    expect(edit((rs) => (rs.validTo = '2018-12-31'))).toEqual([
      { field: 'validTo', problem: 'Slutdatum 2018-12-31 ligger före startdatum 2019-01-01.' },
    ]);
    expect(edit((rs) => (rs.validFrom = '2019-02-30'))[0].field).toBe('validFrom');
    expect(edit((rs) => (rs.aidForms.mikrobidrag.legalBasis[0].validFrom = '2023-01-01'))[0].field).toBe(
      'aidForms.mikrobidrag.legalBasis[0].validTo',
    );
  });

  it('refuses unknown cost types, exceptions, codes that do not match their keys and duplicate ranks', () => {
    const problems = edit((rs) => {
      rs.aidForms.investeringsstod.excludedCostTypes.push('rymdskepp');
      rs.aidForms.investeringsstod.eligibleCostTypes?.push('vehicle');
      const g = rs.aidForms.mikrobidrag.geography;
      if (g.kind === 'outside_tatort') g.exceptions.push('okand' as never);
      rs.aidForms.konsultcheck.code = 'konsult';
      rs.projectRanking[3].rank = '2b';
    });
    expect(problems.map((p) => p.problem)).toEqual([
      'Rangen ”2b” förekommer två gånger.',
      'Koden ”konsult” stämmer inte med nyckeln ”konsultcheck”.',
      'Okänt undantag ”okand”.',
      'Okänd kostnadstyp ”rymdskepp”.',
      'Kostnadstypen vehicle är både tillåten och undantagen.',
    ]);
  });

  it('refuses overlapping de minimis regimes of one kind, and rates that are not monthly', () => {
    expect(edit((rs) => (rs.deMinimis.regimes[0].validTo = '2024-01-01'))).toEqual([
      { field: 'deMinimis.regimes', problem: '(EU) nr 1407/2013 och (EU) 2023/2831 gäller under samma tid.' },
    ]);
    // The SGEI regime runs beside the general one without overlapping it.
    expect(edit((rs) => (rs.deMinimis.regimes[2].validTo = '2024-06-30'))).toEqual([
      { field: 'deMinimis.regimes', problem: '(EU) nr 360/2012 och (EU) 2023/2832 gäller under samma tid.' },
    ]);
    expect(edit((rs) => (rs.deMinimis.exchangeRates[0].from = '2017-01-15'))).toEqual([
      {
        field: 'deMinimis.exchangeRates[0].from',
        problem: 'Kursen gäller en månad och anges från den första dagen.',
      },
    ]);
    expect(edit((rs) => (rs.deMinimis.exchangeRates[0].orePerEur = 0))[0].field).toBe(
      'deMinimis.exchangeRates[0].orePerEur',
    );
  });

  it('refuses a default state-aid route the form has no basis for', () => {
    expect(edit((rs) => (rs.aidForms.mikrobidrag.defaultRoute = 'gber'))).toEqual([
      {
        field: 'aidForms.mikrobidrag.defaultRoute',
        problem: 'Ingen EU-rättslig grund för stödvägen ”gber”.',
      },
    ]);
  });

  it('refuses a rule set built on another RUS', () => {
    expect(validateRuleSet(ruleSet2019(), { ...rus, id: 'RUS 2025–2030' })).toEqual([
      { field: 'rusId', problem: 'Beslutet bygger på RUS 2018–2030, inte RUS 2025–2030.' },
    ]);
  });
});
