import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  PrivateDatabase,
  type TestUser,
} from '@anslag/testing';

/**
 * The officers' search in the work queue: free text over title, diarienummer and the organisation's name
 * or number, and the organisation filter, give the cases, order, total and counts that the same search
 * written plainly over the joined tables gives; with few matches and with many (over 2 000: the page is
 * then found another way), with a term naming over 1 000 organisations (matched in a subquery, not by a
 * list of ids), on the first page and a later one. A database of its own, so that counts are
 * exact.
 */
describe('case search', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: PrivateDatabase;
  let ds: DataSource;
  let officer: TestUser;
  let kvarnen: string;

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    kvarnen = (
      await createOrganisation(ds, { name: 'Kvarnen i Askersund AB', organisationsnummer: '556677-1234' })
    ).id;
    const glas = await createOrganisation(ds, { name: 'Glasbruket AB', organisationsnummer: '559900-0001' });
    const serie = await createOrganisation(ds, {
      name: 'Serietillverkning AB',
      organisationsnummer: '551100-0002',
    });
    const insert = (org: string, from: number, n: number, title: string) =>
      ds.query(
        `INSERT INTO grant_case (diarienummer, track, status, organisation_id, title, aid_form, amount_applied,
                                 registration_date, registered_at, version)
         SELECT '24RS' || i, 'foretagsstod',
                (ARRAY['inskickad','under_handlaggning','beslutad','aterkallad'])[1 + i % 4], $1, $4 || ' ' || i,
                'mikrobidrag', 10000 + i, DATE '2024-01-01' + (i % 300), now(), 1
         FROM generate_series($2::int, $2::int + $3::int - 1) i`,
        [org, from, n, title],
      );
    await insert(kvarnen, 4700, 20, 'Ny kvarnsten');
    await insert(glas.id, 4720, 15, 'Glasugn');
    await insert(serie.id, 10000, 2100, 'Serie');
    // 1 100 organisations with one case each: a name part naming more than 1 000 of them.
    await ds.query(
      `WITH o AS (
         INSERT INTO organisation (organisationsnummer, name, street_address, postal_code, city, kommun_code,
                                   in_tatort, legal_form)
         SELECT '77' || lpad(i::text, 4, '0') || '-' || lpad(i::text, 4, '0'), 'Mångbolaget ' || i, 'Gatan 1',
                '70211', 'Örebro', '1880', false, 'Aktiebolag'
         FROM generate_series(1, 1100) i RETURNING id, name)
       INSERT INTO grant_case (diarienummer, track, status, organisation_id, title, aid_form, amount_applied,
                               registration_date, registered_at, version)
       SELECT '25RS' || (50000 + row_number() OVER ()), 'foretagsstod', 'inskickad', o.id, 'Ansökan från ' || o.name,
              'mikrobidrag', 20000, DATE '2025-01-01' + (row_number() OVER ())::int % 200, now(), 1
       FROM o`,
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 30_000);

  const ORDER: Record<string, string> = {
    '-registrationDate': 'c.registration_date DESC NULLS LAST, c.id DESC',
    registrationDate: 'c.registration_date ASC NULLS FIRST, c.id ASC',
    title: 'c.title ASC NULLS FIRST, c.id ASC',
    '-diarienummer': 'c.diarienummer DESC NULLS LAST, c.id DESC',
  };

  /** The search written plainly: one OR over the case and its organisation. */
  async function expected(where: string, params: unknown[], sort: string, page: number) {
    const from = `FROM grant_case c JOIN organisation o ON o.id = c.organisation_id WHERE ${where}`;
    const ids: { id: string }[] = await ds.query(
      `SELECT c.id ${from} ORDER BY ${ORDER[sort]} LIMIT 50 OFFSET ${(page - 1) * 50}`,
      params,
    );
    const counts: { status: string; n: number }[] = await ds.query(
      `SELECT c.status, count(*)::int AS n ${from} GROUP BY c.status`,
      params,
    );
    return {
      ids: ids.map((r) => r.id),
      total: counts.reduce((n, r) => n + r.n, 0),
      counts: Object.fromEntries(counts.map((r) => [r.status, r.n])),
    };
  }

  async function search(query: Record<string, string | number>) {
    const res = await http.get('/api/cases').query(query).set(officer.auth).expect(200);
    const counts = Object.fromEntries(
      Object.entries(res.body.counts as Record<string, number>).filter(([, n]) => n),
    );
    return { ids: res.body.items.map((c: { id: string }) => c.id), total: res.body.total, counts };
  }

  const TEXT = `(c.title ILIKE $1 OR c.diarienummer ILIKE $1 OR o.name ILIKE $1 OR o.organisationsnummer LIKE $2)`;

  it.each([
    ['part of the organisation’s name, any case', 'kvarnen i ask', 20],
    ['the start of the organisationsnummer', '556677', 20],
    ['part of a diarienummer', 'RS471', 10],
    ['part of a title', 'glasugn', 15],
    ['a word in many cases (over 2 000)', 'serie', 2100],
    ['a name part of over 1 000 organisations', 'mångbolag', 1100],
  ])('finds cases by %s, as the plain search does', async (_what, term, matches) => {
    for (const [sort, page] of [
      ['-registrationDate', 1],
      ['-registrationDate', 2],
      ['title', 1],
      ['-diarienummer', 1],
    ] as const) {
      const want = await expected(TEXT, [`%${term}%`, `${term}%`], sort, page);
      expect(want.total).toBe(matches);
      expect(await search({ q: term, sort, page })).toEqual(want);
    }
  });

  it('filters on the organisation by part of its name or the start of its number', async () => {
    for (const term of ['GLASBRUK', 'bruket', '559900', 'kvarn', 'mångbolaget 1', '77']) {
      const want = await expected(
        `(o.name ILIKE $1 OR o.organisationsnummer LIKE $2)`,
        [`%${term}%`, `${term}%`],
        '-registrationDate',
        1,
      );
      expect(want.total).toBeGreaterThan(0);
      expect(await search({ organisation: term })).toEqual(want);
    }
    const withStatus = await expected(
      `o.id = $1 AND c.status = 'beslutad'`,
      [kvarnen],
      '-registrationDate',
      1,
    );
    const got = await search({ organisation: 'Kvarnen', status: 'beslutad' });
    expect(got.ids).toEqual(withStatus.ids);
    expect(got.total).toBe(5);
  });

  it('gives the whole queue and its status tabs with the kept counts, as the plain search does', async () => {
    const all = await expected('true', [], '-registrationDate', 1);
    for (const [sort, page] of [
      ['-registrationDate', 1],
      ['title', 1],
      ['-registrationDate', 2],
    ] as const)
      expect(await search({ sort, page })).toEqual(await expected('true', [], sort, page));
    // Each tab twice over: the same statement again and again, as the queue's first page is sent; a tab
    // without cases (utkast) has no rows, and the counts, those of every case, still come.
    const statuses = ['utkast', 'inskickad', 'under_handlaggning', 'beslutad', 'aterkallad', 'avslutad'];
    for (const status of [...statuses, ...statuses]) {
      const tab = await expected('c.status = $1', [status], '-registrationDate', 1);
      expect(await search({ status })).toEqual({ ids: tab.ids, total: tab.total, counts: all.counts });
    }
    expect((await search({ status: 'utkast' })).ids).toEqual([]);
  });

  it('finds nothing for a term no case has; the user’s wildcards are taken out of the term', async () => {
    expect(await search({ q: 'finns-inte' })).toEqual({ ids: [], total: 0, counts: {} });
    expect(await search({ organisation: 'Glas%bruket' })).toEqual(
      await search({ organisation: 'Glasbruket' }),
    );
    expect((await search({ q: 'glas_gn' })).total).toBe(0);
    const all = await expected('true', [], '-registrationDate', 1);
    expect(await search({ q: '%' })).toEqual(all);
    expect(all.total).toBe(3235);
  });
});
