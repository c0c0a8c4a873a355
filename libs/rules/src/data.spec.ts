import { validateRuleSet } from './validate';
import { loadJson, ruleSet2019, rus2018 } from './spec-fixtures';

describe('default data: Inriktningsbeslut 2019 and RUS 2018–2030', () => {
  const rs = ruleSet2019();
  const rus = rus2018();

  it('passes the policy validation with no problems', () => {
    expect(validateRuleSet(rs, rus)).toEqual([]);
  });

  it('holds the decision, its extension "tills vidare" and the RUS it builds on', () => {
    expect(rs.validFrom).toBe('2019-01-01');
    expect(rs.validTo).toBeNull();
    expect(rs.rusId).toBe(rus.id);
    expect(rs.references.map((r) => [r.kind, r.date, r.paragraph])).toEqual([
      ['beslut', '2018-11-28', '§ 83'],
      ['forlangning', '2020-01-22', null],
    ]);
    expect(rs.references[1].diarienummer).toBe('18RS7061');
    expect(rs.references[1].text).toContain('tills vidare');
  });

  it('reproduces the indicative split of the appropriation', () => {
    expect(rs.frames.projekt).toMatchObject({ amount: 25_520_000, binding: 'indikativ' });
    expect(rs.frames.foretagsstod).toMatchObject({ amount: 13_333_000, binding: 'indikativ' });
    expect(rs.frames.uppfoljning).toMatchObject({ amount: 1_000_000, binding: 'hogst' });
  });

  it('reproduces the ranking of projects in its order and words', () => {
    expect(rs.projectRanking.map((r) => r.rank)).toEqual(['1', '2a', '2b', '3', 'förstudie']);
    expect(rs.projectRanking.map((r) => r.criterion)).toEqual([
      { kind: 'eu_cofinancing' },
      { kind: 'rus_area', areas: ['kompetensforsorjning_matchning'] },
      { kind: 'rus_area', areas: ['innovationskraft_specialisering', 'naringsliv_entreprenorskap'] },
      { kind: 'builds_on_earlier' },
      { kind: 'forstudie' },
    ]);
    expect(rs.projectRanking[2].text).toBe(
      'Ansökningar inom prioriterade områden Innovationskraft och specialisering samt Näringsliv och entreprenörskap.',
    );
    expect(rs.projectRanking[4].text).toContain('förstudier generellt intressanta inom samtliga områden');
  });

  it('reproduces the limits of every aid form of the table', () => {
    const f = rs.aidForms;
    const limits = (code: string) => [f[code].maxShareBp, f[code].maxPerDecision, f[code].maxPerCompany];
    expect(limits('konsultcheck')).toEqual([5000, 150_000, null]);
    expect(limits('mikrobidrag')).toEqual([5000, 30_000, 60_000]);
    expect(limits('saddbidrag')).toEqual([5000, 500_000, null]);
    expect(limits('investeringsstod')).toEqual([2500, 1_000_000, null]);
    expect(limits('kommersiell_service')).toEqual([null, null, null]);
    expect(f.mikrobidrag.size).toMatchObject({ maxEmployees: 4, minFteAtInvestment: 50 });
    expect(f.mikrobidrag.geography).toMatchObject({
      kind: 'outside_tatort',
      mode: 'refuse',
      exceptions: ['born_outside_nordics', 'run_by_women_new_innovative_idea'],
    });
    // The same sentence as for mikrobidrag ("prioriterar … förutom i Örebro tätort"), read the same way:
    // refused in the tätort, and with no exceptions listed for it.
    expect(f.investeringsstod.geography).toMatchObject({
      kind: 'outside_tatort',
      mode: 'refuse',
      exceptions: [],
    });
    expect(f.investeringsstod.excludedCostTypes).toContain('vehicle');
    expect(Object.keys(f.kommersiell_service.subforms ?? {})).toEqual([
      'hemsandningsbidrag',
      'driftstod',
      'investeringsstod',
      'lan',
      'servicebidrag',
    ]);
    expect(rs.firmPriorityCriteria.map((c) => c.code)).toEqual([
      'nya_affarsideer',
      'drivs_av_kvinnor',
      'avancerad_tillverkning',
      'hog_internationalisering',
      'miljo',
    ]);
  });

  it('dates the legal bases and the de minimis regimes', () => {
    const bases = rs.aidForms.mikrobidrag.legalBasis.map((b) => [b.code, b.validFrom, b.validTo]);
    expect(bases).toEqual([
      ['SFS 2015:210', null, '2022-12-31'],
      ['SFS 2022:1468', '2023-01-01', null],
      ['(EU) nr 1407/2013', '2014-01-01', '2023-12-31'],
      ['(EU) 2023/2831', '2024-01-01', '2030-12-31'],
    ]);
    expect(rs.deMinimis.regimes.map((r) => [r.ceilingEur, r.window.kind, r.window.years])).toEqual([
      [200_000, 'fiscal_years', 3],
      [300_000, 'rolling_years', 3],
      [500_000, 'fiscal_years', 3],
      [750_000, 'rolling_years', 3],
    ]);
  });

  it('holds the RUS catalogue: three goals, 18 effektmål, ten areas', () => {
    expect(rus.overallGoals.map((g) => g.name)).toEqual([
      'Stark konkurrenskraft',
      'Hög och jämlik livskvalitet',
      'God resurseffektivitet',
    ]);
    expect(rus.effektmal).toHaveLength(18);
    expect(rus.effektmal.filter((e) => e.goal === 'SK')).toHaveLength(8);
    expect(rus.effektmal.filter((e) => e.goal === 'HL')).toHaveLength(6);
    expect(rus.effektmal.filter((e) => e.goal === 'GR')).toHaveLength(4);
    expect(rus.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(rus.areas.map((a) => a.code)).size).toBe(10);
    expect(rus.areas[3].name).toBe('Kompetensförsörjning och matchning');
  });
});

describe('every legal fact of the demo rule data names its source and whether it is confirmed', () => {
  const rs = ruleSet2019();
  const sourced = (x: { source?: string; confirmed?: boolean }) =>
    typeof x.source === 'string' && x.source.length > 0 && typeof x.confirmed === 'boolean';

  it('legal bases of projects, aid forms and subforms', () => {
    const bases = [
      ...rs.projectRules.legalBasis,
      ...Object.values(rs.aidForms).flatMap((f) => [
        ...f.legalBasis,
        ...Object.values(f.subforms ?? {}).flatMap((s) => s.legalBasis ?? []),
      ]),
    ];
    expect(bases.filter((b) => !sourced(b)).map((b) => b.code)).toEqual([]);
  });

  it('de minimis regimes, the GBER thresholds and hemsändningsbidrag limits', () => {
    expect(rs.deMinimis.regimes.every((r) => r.ref.source && typeof r.confirmed === 'boolean')).toBe(true);
    expect(rs.stateAid!.gberPublicationThresholds.every(sourced)).toBe(true);
    const hem = rs.aidForms.kommersiell_service.subforms!.hemsandningsbidrag.homeDelivery!;
    expect([...hem.limits, ...hem.priceBaseAmounts].every(sourced)).toBe(true);
  });

  it('the exchange rates say they are demo values to confirm against InforEuro', () => {
    const file = loadJson<{ note: string; source: string; rates: { confirmed: boolean }[] }>(
      'exchange-rates.json',
    );
    expect(file.source).toContain('InforEuro');
    expect(file.note).toContain('att bekräfta');
    expect(file.rates.every((r) => r.confirmed === false)).toBe(true);
  });
});
