import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { DemoLoader, loadDemoData } from '@anslag/demo';
import { createTestApp, createUser, PrivateDatabase } from '@anslag/testing';

/**
 * The delegation report for 2019-11-01 – 2019-12-03 on the demo data reproduces the real report
 * ("Redovisning av delegationsbeslut", Företagsstöd) row for row. The demo is loaded into a database of
 * this suite's own, so that the shared test database keeps the demo suite's first load to itself.
 */

// The seed table as printed: Dnr, Stöd, Företag, Bransch/Prioritering, Kön, Kommun, Belopp, Beslutsfattare.
// A null Dnr is a row that shows only Tillväxtverket's NypsID.
const SEED: [string | null, string, string, string, string, string, string, string][] = [
  [
    '19RS8649',
    'Konsulttjänst',
    'Samflex AB',
    'Utveckling lexikon',
    'M',
    'Örebro',
    '34 200',
    'Kristina Eklöf',
  ],
  [
    '19RS8586',
    'Mikrobidrag',
    'Studio LUXE By Angelica',
    'Skönhetssalong',
    'K',
    'Kumla',
    '18 000',
    'Kristina Eklöf',
  ],
  [
    '19RS8140',
    'Investeringsbidrag',
    'Bramac AB',
    'Entreprenad/Energieffektivisering',
    'M',
    'Ljusnarsberg',
    '243 714',
    'Kristina Eklöf',
  ],
  [
    '19RS8198',
    'Investeringsbidrag',
    'Widmarks Handelsstål AB',
    'Avancerad tillverkning',
    'M',
    'Degerfors',
    '260 625',
    'Kristina Eklöf',
  ],
  ['19RS8995', 'Konsulttjänst', 'B-Engaged AB', 'Apputveckling', 'K', 'Örebro', '66 000', 'Kristina Eklöf'],
  [
    '19RS9033',
    'Såddbidrag',
    'Period Pack Sweden AB',
    'Innovationsutveckling',
    'K',
    'Örebro',
    '315 000',
    'Kristina Eklöf',
  ],
  [
    '19RS9065',
    'Konsulttjänst',
    'P-Invent AB',
    'Utveckling av interna processer',
    'M',
    'Örebro',
    '30 000',
    'Kristina Eklöf',
  ],
  ['19RS9059', 'Konsulttjänst', 'Delta Webbyrå AB', 'Webbyrå', 'M', 'Askersund', '37 000', 'Kristina Eklöf'],
  [
    '19RS9584',
    'Kommersiell service',
    'Närbutiken i Pålsboda AB',
    'Livsmedelshandel',
    'M',
    'Hallsberg',
    '87 735',
    'Kristina Eklöf',
  ],
  [
    '19RS9415',
    'Konsulttjänst',
    'MoveTech AB',
    'Tjänster inom återvinning',
    'M',
    'Örebro',
    '150 000',
    'Kristina Eklöf',
  ],
  [
    '19RS9787',
    'Investeringsbidrag',
    'Cabinova AB',
    'Avancerad tillverkning',
    'M',
    'Ljusnarsberg',
    '378 965',
    'Kristina Eklöf',
  ],
  [
    '19RS9763',
    'Hemsändningsbidrag',
    'Lindesbergs kommun',
    'Hemsändning av livsmedel',
    '–',
    'Lindesberg',
    '3 400',
    'Kristina Eklöf',
  ],
  [
    '19RS9696',
    'Kommersiell service',
    'Vedlunds i Närkes Kil',
    'Livsmedelshandel',
    'M',
    'Örebro',
    '20 000',
    'Kristina Eklöf',
  ],
  [
    '19RS9698',
    'Kommersiell service',
    'ICA Nära Vintrosa',
    'Livsmedelshandel',
    'B',
    'Örebro',
    '40 210',
    'Kristina Eklöf',
  ],
  [
    '19RS9030',
    'Konsulttjänst',
    'Aktivaliva AB',
    'Utveckling utbildningsverktyg',
    'M',
    'Örebro',
    '115 000',
    'Kristina Eklöf',
  ],
  [
    '19RS9492',
    'Investeringsbidrag',
    'HITAB',
    'Avancerad tillverkning',
    'M',
    'Karlskoga',
    '800 000',
    'Kristina Eklöf',
  ],
  [
    '19RS9835',
    'Mikrobidrag',
    'Tiveds Kafferosteri & Café',
    'Kafferosteri och café/Utveckling av tjänst',
    'K',
    'Laxå',
    '27 500',
    'Kristina Eklöf',
  ],
  [
    '19RS8277',
    'Såddbidrag',
    'Vikariehjälpen AB',
    'Innovationsutveckling',
    'K',
    'Örebro',
    '209 500',
    'Kristina Eklöf',
  ],
  [
    null,
    'Affärsutveckling/Internationalisering',
    'Wec360 AB',
    'Satsning mot Finland och USA',
    'M',
    'Örebro',
    '250 000',
    'Kristina Eklöf',
  ],
  [
    null,
    'Affärsutveckling/Digitalisering',
    'Candles of Scandinavia',
    'Utveckla interna digitala processer',
    'M',
    'Örebro',
    '250 000',
    'Kristina Eklöf',
  ],
  [
    null,
    'Affärsutveckling/Digitalisering',
    'Silkflower Import AB',
    'Utveckla interna digitala processer',
    '',
    'Askersund',
    '250 000',
    'Kristina Eklöf',
  ],
  [
    null,
    'Kommersiell service/Driftstöd',
    'Klipphallen i Sköllersta',
    'Livsmedelshandel',
    'M',
    'Hallsberg',
    'Avslag/Uppfyller ej villkor',
    'Kristina Eklöf',
  ],
];

describe('delegation report on the demo data', () => {
  let db: PrivateDatabase;
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    http = request(app.getHttpServer());
    await new DemoLoader(app.get(DataSource)).load(loadDemoData(), 'demo-test');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('reproduces the seed table row for row: 22 rows, 21 grants of 3 586 849 kr, one rejection', async () => {
    const secretary = await createUser(app, [Role.namndsekreterare]);
    const res = await http
      .get('/api/reports/delegation-decisions')
      .query({ from: '2019-11-01', to: '2019-12-03', format: 'csv', point: '3.3', numberFormat: 'sv' })
      .set(secretary.auth)
      .expect(200);
    const lines = res.text
      .replace(/^\ufeff/, '')
      .replace(/\u00a0/g, ' ')
      .split('\r\n');
    expect(lines[0]).toBe('Dnr;Stöd;Företag;Bransch/Prioritering;Kön;Kommun;Belopp;Beslutsfattare');
    expect(lines[1]).toMatch(/^Punkt 3\.3 Beslut om företagsstöd/);
    const rows = lines.slice(2, 24).map((l) => l.split(';'));
    expect(lines[24]).toBe('Summa punkt 3.3;21 beviljade, 1 avslag;;;;;3 586 849;');
    expect(lines[25]).toBe('Summa;21 beviljade, 1 avslag;;;;;3 586 849;');

    // The seed prints the NypsID rows without a diarienummer; the demo gave those cases new numbers.
    const key = (cells: string[]) => cells.join(';');
    const expected = SEED.map(([dnr, ...rest]) => key([dnr ?? 'NypsID: 214557', ...rest])).sort();
    const actual = rows
      .map(([dnr, ...rest]) => key([dnr.replace(/^\d{2}RS\d+ (NypsID: )/, '$1'), ...rest]))
      .sort();
    expect(actual).toEqual(expected);
  });

  it('lists the two projects decided under point 3.2 and leaves out the nämnd’s own decision (PAN)', async () => {
    const officer = await createUser(app, [Role.handlaggare]);
    const body = (
      await http
        .get('/api/reports/delegation-decisions')
        .query({ from: '2019-11-01', to: '2019-12-03', format: 'json' })
        .set(officer.auth)
        .expect(200)
    ).body;
    expect(body).toMatchObject({ regionName: 'Region Örebro län', committee: 'Regional tillväxtnämnd' });
    expect(body.groups.map((g: { point: string }) => g.point)).toEqual(['3.2', '3.3']);
    expect(
      body.groups[0].rows.map((r: { diarienummer: string; amount: number }) => [r.diarienummer, r.amount]),
    ).toEqual([
      ['19RS9282', 432_000],
      ['19RS9565', 137_725],
    ]);
    expect(body.groups[1].totals).toEqual({ granted: 3_586_849, grantedCount: 21, rejectedCount: 1 });
  });
});
