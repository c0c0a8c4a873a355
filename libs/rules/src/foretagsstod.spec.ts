import { evaluate } from './evaluate';
import { firmCase, kr, org, ruleSet2019, rus2018 } from './spec-fixtures';
import type { Check, CostLine, Evaluation, FirmEvaluationInput } from './types';

const rs = ruleSet2019();
const rus = rus2018();
const run = (o: Partial<FirmEvaluationInput> = {}): Evaluation => evaluate(firmCase(o), rs, rus);
const check = (e: Evaluation, rule: string): Check | undefined => e.checks.find((c) => c.rule === rule);
const lines = (amount: number, costType: string): CostLine[] => [{ amount, costType }];
const konsult = (amountApplied: number, cost: number) =>
  run({
    aidForm: 'konsultcheck',
    amountApplied,
    costLines: lines(cost, 'consultancy'),
    organisation: org({ employees: 12 }),
  });

describe('konsultcheck: 50 %, 150 000 kr per projekt', () => {
  it('grants 150 000 kr of 300 000 kr', () => {
    const e = konsult(150_000, 300_000);
    expect(e.outcome).toBe('eligible');
    expect(e.maxGrant.amount).toBe(150_000);
  });

  it('caps 150 001 kr at 150 000 kr', () => {
    const e = konsult(150_001, 400_000);
    expect(e.maxGrant).toMatchObject({ amount: 150_000, limitedBy: ['per_beslut'] });
    expect(check(e, 'grant.per_decision')?.reason).toContain(`${kr('150 000')} per projekt`);
    expect(e.outcome).toBe('eligible_with_remarks');
  });

  it('caps more than 50 % at half the costs (Samflex: 40 000 of 68 400 gives 34 200)', () => {
    const e = konsult(40_000, 68_400);
    expect(e.maxGrant).toMatchObject({ amount: 34_200, limitedBy: ['andel'] });
    expect(check(e, 'grant.share')?.severity).toBe('remark');
    const at = konsult(34_200, 68_400);
    expect(check(at, 'grant.share')?.passed).toBe(true);
  });

  it('accepts only consultancy costs', () => {
    const e = run({
      aidForm: 'konsultcheck',
      amountApplied: 50_000,
      costLines: [{ amount: 100_000, costType: 'machinery' }],
    });
    expect(e.outcome).toBe('not_eligible');
    expect(check(e, 'costs.none')?.reason).toBe('Ansökan har inga stödberättigande kostnader.');
  });

  it('lists the hand-assessed conditions and the form priorities', () => {
    const e = run({
      aidForm: 'konsultcheck',
      amountApplied: 30_000,
      costLines: lines(60_000, 'consultancy'),
      priorityFlags: ['produktutveckling', 'avancerad_tillverkning'],
    });
    expect(e.checks.filter((c) => c.rule === 'condition').map((c) => c.reason)).toEqual([
      'Att bedöma: Konsulten skall vara oberoende och extern.',
      'Att bedöma: Stöd ges endast till investeringar såsom produktutveckling, marknadsföring, kompetensutveckling eller andra liknande ändamål.',
    ]);
    expect(e.priority).toMatchObject({
      criteria: [{ code: 'produktutveckling' }, { code: 'avancerad_tillverkning' }],
    });
  });
});

describe('såddbidrag: 50 %, 500 000 kr per projekt, under the block exemption', () => {
  const sadd = (amountApplied: number, cost: number) =>
    run({ aidForm: 'saddbidrag', amountApplied, costLines: lines(cost, 'external_services') });

  it('grants 500 000 kr and caps 500 001 kr', () => {
    expect(sadd(500_000, 1_000_000).maxGrant.amount).toBe(500_000);
    const over = sadd(500_001, 1_200_000);
    expect(over.maxGrant).toMatchObject({ amount: 500_000, limitedBy: ['per_beslut'] });
    expect(check(over, 'grant.per_decision')?.reason).toContain(kr('500 000'));
  });

  it('uses GBER art. 22: no de minimis room; publication above the threshold in force (dated)', () => {
    const e = sadd(500_000, 1_000_000);
    expect(e.deMinimis).toBeNull();
    expect(e.legalBasis.map((b) => b.code)).toEqual(['SFS 2015:210', '(EU) nr 651/2014 art. 22']);
    expect(check(e, 'gber.transparency')).toBeUndefined(); // 500 000 kr is about EUR 47 000
    const uncapped = structuredClone(rs);
    uncapped.aidForms.saddbidrag.maxPerDecision = null;
    const big = (decisionDate: string) =>
      evaluate(
        firmCase({
          aidForm: 'saddbidrag',
          decisionDate,
          plannedStart: '2025-01-01',
          amountApplied: 1_200_000,
          costLines: lines(2_400_000, 'materials'),
        }),
        uncapped,
        rus,
      );
    // About EUR 112 000: under the EUR 500 000 of the original text until 2023-06-30, over the 100 000 after.
    expect(check(big('2023-06-30'), 'gber.transparency')).toBeUndefined();
    expect(check(big('2023-07-01'), 'gber.transparency')?.reason).toContain('överstiger 100\u00a0000 euro');
  });

  it('never supports an equity investment', () => {
    const e = run({
      aidForm: 'saddbidrag',
      amountApplied: 100_000,
      costLines: [
        { amount: 200_000, costType: 'external_services' },
        { amount: 300_000, costType: 'equity_investment' },
      ],
    });
    expect(e.eligibleCosts).toBe(200_000);
    expect(check(e, 'costs.excluded')?.reason).toContain('Investeringar i eget kapital');
  });
});

describe('investeringsstöd: 25 %, 1 000 000 kr per projekt, never vehicles', () => {
  const invest = (amountApplied: number, costLines: CostLine[], inTatort = false) =>
    run({
      aidForm: 'investeringsstod',
      amountApplied,
      costLines,
      organisation: org({ employees: 30, inTatort }),
    });

  it('grants 25 % and caps at 25 %', () => {
    expect(invest(250_000, lines(1_000_000, 'machinery')).maxGrant.amount).toBe(250_000);
    const over = invest(250_001, lines(1_000_000, 'machinery'));
    expect(over.maxGrant).toMatchObject({ amount: 250_000, limitedBy: ['andel'] });
  });

  it('grants 1 000 000 kr and caps 1 000 001 kr', () => {
    const costs = lines(4_400_000, 'building');
    expect(invest(1_000_000, costs).maxGrant.amount).toBe(1_000_000);
    const e = invest(1_000_001, costs);
    expect(e.maxGrant).toMatchObject({ amount: 1_000_000, limitedBy: ['per_beslut'] });
    expect(check(e, 'grant.per_decision')?.reason).toContain(kr('1 000 000'));
  });

  it('takes a vehicle out of the costs with a remark, and refuses when only a vehicle is left', () => {
    const e = invest(300_000, [
      { amount: 1_000_000, costType: 'machinery' },
      { amount: 400_000, costType: 'vehicle', description: 'Lastbil' },
    ]);
    expect(e.outcome).toBe('eligible_with_remarks');
    expect(e.eligibleCosts).toBe(1_000_000);
    expect(e.maxGrant.amount).toBe(250_000);
    expect(check(e, 'costs.excluded')?.reason).toBe(
      `Kostnader av typen ”Fordon” (${kr('400 000')}) är inte stödberättigande för Investeringsstöd och räknas bort.`,
    );
    const onlyVehicle = invest(100_000, lines(400_000, 'vehicle'));
    expect(onlyVehicle.outcome).toBe('not_eligible');
    expect(onlyVehicle.maxGrant.amount).toBe(0);
  });

  it('also takes out leasing, own work and running costs', () => {
    const e = invest(100_000, [
      { amount: 400_000, costType: 'equipment' },
      { amount: 50_000, costType: 'leasing' },
      { amount: 60_000, costType: 'own_work' },
      { amount: 70_000, costType: 'running_costs' },
    ]);
    expect(e.eligibleCosts).toBe(400_000);
    expect(e.checks.filter((c) => c.rule === 'costs.excluded')).toHaveLength(3);
  });

  it('is given outside Örebro tätort and refused inside it, with no exceptions (as mikrobidrag)', () => {
    const outside = invest(250_000, lines(1_000_000, 'machinery'));
    expect(outside.outcome).toBe('eligible');
    expect(outside.priority).toMatchObject({ criteria: [{ code: 'utanfor_orebro_tatort' }] });
    expect(check(outside, 'geography')?.reason).toBe(
      'Företaget ligger utanför Örebro tätort (Kumla kommun).',
    );
    const inside = invest(250_000, lines(1_000_000, 'machinery'), true);
    expect(inside.outcome).toBe('not_eligible');
    expect(check(inside, 'geography')).toMatchObject({
      passed: false,
      severity: 'refusal',
      reason: 'Investeringsstöd ges inte till företag i Örebro tätort.',
    });
    expect(inside.maxGrant.amount).toBe(0);
  });

  it('under GBER art. 17 gives a medium-sized firm 10 % and a small one 20 %', () => {
    const gber = (employees: number) =>
      run({
        aidForm: 'investeringsstod',
        stateAidRoute: 'gber',
        amountApplied: 250_000,
        costLines: lines(1_000_000, 'machinery'),
        organisation: org({ employees }),
      });
    expect(gber(49).maxGrant.amount).toBe(200_000);
    expect(gber(50).maxGrant.amount).toBe(100_000);
    expect(gber(50).maxGrant.terms[0].ref).toContain('artikel 17');
  });
});

describe('kommersiell service (2000:284)', () => {
  it('is for areas where service is sparse (the service programme or an attestation), not limited by regional caps', () => {
    const base = {
      aidForm: 'kommersiell_service',
      subform: 'investeringsstod',
      amountApplied: 87_735,
      costLines: lines(175_470, 'equipment'),
      organisation: org({ kommun: 'Karlskoga', inTatort: false, employees: 6 }),
    };
    const inArea = run({ ...base, serviceArea: { eligible: true, basis: 'programme', area: 'Ramundeboda' } });
    expect(inArea.outcome).toBe('eligible');
    expect(inArea.maxGrant.amount).toBe(87_735);
    expect(check(inArea, 'geography')?.reason).toContain('enligt Regionalt serviceprogram');
    // A shop in Karlskoga's centre lies outside Örebro tätort, yet not in a sparse-service area.
    const centre = run({
      ...base,
      serviceArea: { eligible: false, basis: 'programme', area: 'Karlskoga centrum' },
    });
    expect(centre.outcome).toBe('not_eligible');
    expect(check(centre, 'geography')?.reason).toContain('bara i områden med gles service');
    const attested = run({
      ...base,
      serviceArea: { eligible: true, basis: 'attested', attestedBy: 'Anna Handläggare' },
    });
    expect(check(attested, 'geography')?.reason).toContain('handläggarens intygande (Anna Handläggare)');
    expect(check(run(base), 'geography')).toMatchObject({ severity: 'remark' });
  });

  it('hemsändningsbidrag: paid to the municipality under 2000:284 only, not de minimis', () => {
    const e = run({
      aidForm: 'kommersiell_service',
      subform: 'hemsandningsbidrag',
      amountApplied: 3_400,
      costLines: lines(24_000, 'home_delivery'),
      homeDelivery: { netCost: 24_000, householdDeliveries: 60 },
      organisation: org({ kommun: 'Lindesberg', runBy: null, employees: null, fte: null }),
      stateAidFacts: null,
    });
    expect(e.outcome).toBe('eligible');
    expect(e.deMinimis).toBeNull();
    expect(e.legalBasis.map((b) => b.code)).toEqual(['SFS 2000:284']);
    expect(e.priority).toMatchObject({ criteria: [{ code: 'hemsandningsbidrag' }] });
    expect(e.maxGrant.amount).toBe(3_400);
  });

  it('hemsändningsbidrag: the floor is half the price base amount of the year (23 250 kr in 2019)', () => {
    const hem = (netCost: number, householdDeliveries = 100) =>
      run({
        aidForm: 'kommersiell_service',
        subform: 'hemsandningsbidrag',
        amountApplied: 3_400,
        costLines: lines(netCost, 'home_delivery'),
        homeDelivery: { netCost, householdDeliveries },
        organisation: org({ kommun: 'Lindesberg', runBy: null, employees: null, fte: null }),
      });
    expect(hem(23_250).outcome).toBe('eligible');
    const below = hem(23_249);
    expect(below.outcome).toBe('not_eligible');
    expect(check(below, 'home_delivery.floor')?.reason).toContain(kr('23 250'));
    expect(hem(6_800).outcome).toBe('not_eligible');
  });

  it('hemsändningsbidrag: at most 50 % of the net cost and 60 kr per household and delivery', () => {
    const hem = (amountApplied: number, householdDeliveries: number) =>
      run({
        aidForm: 'kommersiell_service',
        subform: 'hemsandningsbidrag',
        amountApplied,
        costLines: lines(30_000, 'home_delivery'),
        homeDelivery: { netCost: 30_000, householdDeliveries },
        organisation: org({ kommun: 'Lindesberg', runBy: null, employees: null, fte: null }),
      });
    expect(hem(3_000, 50).maxGrant).toMatchObject({ amount: 3_000 });
    expect(hem(3_001, 50).maxGrant).toMatchObject({ amount: 3_000, limitedBy: ['per_tillfalle'] });
    expect(hem(20_000, 1_000).maxGrant).toMatchObject({ amount: 15_000, limitedBy: ['andel'] });
    const noFacts = run({
      aidForm: 'kommersiell_service',
      subform: 'hemsandningsbidrag',
      amountApplied: 1_000,
    });
    expect(check(noFacts, 'home_delivery')).toMatchObject({ severity: 'remark' });
  });

  it('särskilt driftstöd is de minimis for services of general economic interest, with its own ceiling', () => {
    const drift = (
      decisionDate: string,
      deMinimis: FirmEvaluationInput['history'] = { grants: [], deMinimis: [] },
    ) =>
      run({
        aidForm: 'kommersiell_service',
        subform: 'driftstod',
        decisionDate,
        plannedStart: '2025-01-01',
        amountApplied: 20_000,
        costLines: lines(50_000, 'running_costs'),
        serviceArea: { eligible: true, basis: 'attested' },
        history: deMinimis,
      });
    const y2019 = drift('2019-11-15');
    expect(y2019.legalBasis.map((b) => b.code)).toEqual(['SFS 2000:284', '(EU) nr 360/2012']);
    expect(y2019.deMinimis).toMatchObject({ regime: '(EU) nr 360/2012', ceilingEur: 500_000 });
    const y2024 = drift('2024-03-15');
    expect(y2024.deMinimis).toMatchObject({ regime: '(EU) 2023/2832', ceilingEur: 750_000 });
    // General de minimis aid of 300 000 euro fills the general ceiling, not the SGEI ceiling.
    const general = {
      grants: [],
      deMinimis: [
        {
          date: '2023-06-01',
          amount: 300_000,
          currency: 'EUR' as const,
          grantor: 'X',
          regulation: '(EU) nr 1407/2013',
        },
      ],
    };
    expect(drift('2024-03-15', general).outcome).toBe('eligible');
    expect(drift('2024-03-15', general).deMinimis?.usedEur).toBe(300_000);
    expect(check(y2019, 'de_minimis')?.reason).toContain('(EU) nr 360/2012');
  });

  it('accepts running costs in driftstöd only', () => {
    const drift = {
      aidForm: 'kommersiell_service',
      amountApplied: 20_000,
      costLines: lines(50_000, 'running_costs'),
    };
    expect(run({ ...drift, subform: 'driftstod' }).eligibleCosts).toBe(50_000);
    expect(run({ ...drift, subform: 'investeringsstod' }).outcome).toBe('not_eligible');
  });

  it('reads "form/subform" codes as the delegation report writes them', () => {
    const e = run({
      aidForm: 'kommersiell_service/driftstod',
      amountApplied: 20_000,
      costLines: lines(50_000, 'running_costs'),
    });
    expect(e.eligibleCosts).toBe(50_000);
    expect(check(e, 'costs.eligible')?.ref).toBe(
      'Inriktningsbeslut 2019, Regionala företagsstöd, Prioritering förordning 2000:284, driftstöd',
    );
  });

  it('asks for the subform, and refuses an unknown one', () => {
    const base = {
      aidForm: 'kommersiell_service',
      amountApplied: 20_000,
      costLines: lines(50_000, 'equipment'),
    };
    expect(check(run(base), 'aid_form')).toMatchObject({ severity: 'remark' });
    expect(run({ ...base, subform: 'okand' }).outcome).toBe('not_eligible');
  });
});

describe('aid forms as data', () => {
  it('refuses an aid form the decision does not hold', () => {
    const e = run({ aidForm: 'okand' });
    expect(e.outcome).toBe('not_eligible');
    expect(e.checks).toHaveLength(1);
    expect(e.checks[0].reason).toContain('Stödformen ”okand” finns inte i Inriktningsbeslut 2019');
  });

  it('evaluates a form an administrator added (Affärsutveckling/Internationalisering)', () => {
    const e = run({
      aidForm: 'affarsutveckling_internationalisering',
      amountApplied: 250_000,
      costLines: lines(500_000, 'external_services'),
      organisation: org({ kommun: 'Örebro', inTatort: true, employees: 20 }),
    });
    expect(e.outcome).toBe('eligible');
    expect(e.maxGrant.amount).toBe(250_000);
  });

  it('chooses the legal basis by the decision date', () => {
    const codes = (decisionDate: string) =>
      run({ decisionDate, plannedStart: '2025-01-01' }).legalBasis.map((b) => b.code);
    expect(codes('2022-12-31')).toEqual(['SFS 2015:210', '(EU) nr 1407/2013']);
    expect(codes('2023-01-01')).toEqual(['SFS 2022:1468', '(EU) nr 1407/2013']);
    expect(codes('2024-01-01')).toEqual(['SFS 2022:1468', '(EU) 2023/2831']);
  });

  it('refuses an amount applied that is not whole kronor above zero', () => {
    expect(run({ amountApplied: 0 }).outcome).toBe('not_eligible');
    expect(check(run({ amountApplied: 100.5 }), 'grant.applied')?.severity).toBe('refusal');
  });
});
