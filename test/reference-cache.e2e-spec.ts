import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { createOrganisation, createUser, mindLikeProject, twoInstances, TEST_IDS } from '@anslag/testing';

/**
 * Two api instances on one database, each keeping the rule sets and catalogues in memory: what an admin
 * changes through one is in force in the other from the next request on. A database of its own, since
 * adopting ends every earlier decision and the shared one is used by other suites.
 */
describe('reference data cached per instance, changed through another', () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let close: () => Promise<void>;

  const version = async (): Promise<number> =>
    Number((await a.get(DataSource).query(`SELECT version FROM reference_version`))[0].version);

  beforeAll(async () => {
    ({ a, b, close } = await twoInstances());
  }, 60_000);
  afterAll(() => close?.());

  it('a rule set adopted through one instance is the one in force in the other', async () => {
    const officer = await createUser(b, [Role.handlaggare]);
    const rulesAdmin = await createUser(a, [Role.admin]);
    const inForceOnB = async () =>
      (
        await request(b.getHttpServer())
          .get('/api/policy/frames?date=2051-06-01')
          .set(officer.auth)
          .expect(200)
      ).body.inriktningsbeslut as string;
    // B reads (and keeps) the rules in force in 2051: the 2019 decision, extended until further notice.
    const before = await inForceOnB();
    const base = (
      await request(a.getHttpServer())
        .get(`/api/policy/inriktningsbeslut/${TEST_IDS.inriktningsbeslut2019}`)
        .set(rulesAdmin.auth)
        .expect(200)
    ).body.content;
    expect(before).toBe(base.title);
    const draft = (
      await request(a.getHttpServer())
        .post('/api/policy/inriktningsbeslut')
        .set(rulesAdmin.auth)
        .send({
          content: { ...base, id: 'cache-2051', title: 'Inriktningsbeslut 2051', validFrom: '2051-01-01' },
        })
        .expect(201)
    ).body.id as string;
    const counter = await version();
    await request(a.getHttpServer())
      .post(`/api/policy/inriktningsbeslut/${draft}/adopt`)
      .set(rulesAdmin.auth)
      .send({ adoptedOn: '2050-11-20', paragraph: '§ 7' })
      .expect(201);
    // Stored: the new decision adopted, and the counter the instances compare moved in the same commit.
    const [row] = await a
      .get(DataSource)
      .query(`SELECT status, valid_from::text FROM inriktningsbeslut WHERE id = $1`, [draft]);
    expect(row).toEqual({ status: 'antaget', valid_from: '2051-01-01' });
    expect(await version()).toBeGreaterThan(counter);
    expect(await inForceOnB()).toBe('Inriktningsbeslut 2051');
  });

  it('a financier added through one instance is accepted in an application through the other', async () => {
    const org = await createOrganisation(b.get(DataSource));
    const applicant = await createUser(b, [Role.sokande], [org.id]);
    const catalogueAdmin = await createUser(a, [Role.admin]);
    const application = mindLikeProject(org.id);
    application.budget.financing.push({ financier: 'cache_fonden', year: 2021, amount: 1_000 });
    application.budget.costs.push({ category: 'externa_tjanster', year: 2021, amount: 1_000 });
    // B keeps the catalogues from reading a case (the budget's totals need them).
    const plain = await request(b.getHttpServer())
      .post('/api/cases')
      .set(applicant.auth)
      .send(mindLikeProject(org.id))
      .expect(201);
    await request(b.getHttpServer()).get(`/api/cases/${plain.body.id}`).set(applicant.auth).expect(200);
    const refused = await request(b.getHttpServer())
      .post('/api/cases')
      .set(applicant.auth)
      .send(application)
      .expect(400);
    expect(JSON.stringify(refused.body.details)).toContain('cache_fonden');
    await request(a.getHttpServer())
      .put('/api/catalogues/entries/financier/cache_fonden')
      .set(catalogueAdmin.auth)
      .send({ name: 'Cachefonden', sector: 'privat', regionGrant: false })
      .expect(200);
    const created = await request(b.getHttpServer())
      .post('/api/cases')
      .set(applicant.auth)
      .send(application)
      .expect(201);
    const [line] = await b
      .get(DataSource)
      .query(`SELECT amount::int FROM budget_line WHERE case_id = $1 AND code = 'cache_fonden'`, [
        created.body.id,
      ]);
    expect(line).toEqual({ amount: 1_000 });
  });

  it('a financier retired through one instance refuses an application through the other, which kept it', async () => {
    const org = await createOrganisation(b.get(DataSource));
    const officer = await createUser(b, [Role.handlaggare]);
    const catalogueAdmin = await createUser(a, [Role.admin]);
    const financier = (active: boolean) =>
      request(a.getHttpServer())
        .put('/api/catalogues/entries/financier/cache_avvecklad')
        .set(catalogueAdmin.auth)
        .send({ name: 'Avvecklade fonden', sector: 'privat', regionGrant: false, active })
        .expect(200);
    await financier(true);
    const application = mindLikeProject(org.id);
    application.budget.financing.push({ financier: 'cache_avvecklad', year: 2021, amount: 1_000 });
    application.budget.costs.push({ category: 'externa_tjanster', year: 2021, amount: 1_000 });
    // B accepts it and keeps the catalogues with the financier in them.
    await request(b.getHttpServer()).post('/api/cases').set(officer.auth).send(application).expect(201);
    await financier(false);
    const before = await b.get(DataSource).query(`SELECT count(*)::int AS n FROM grant_case`);
    // B's kept catalogues still accept the financier; the insert's check of the counter does not.
    const refused = await request(b.getHttpServer())
      .post('/api/cases')
      .set(officer.auth)
      .send(application)
      .expect(400);
    expect(JSON.stringify(refused.body.details)).toContain('cache_avvecklad');
    expect(await b.get(DataSource).query(`SELECT count(*)::int AS n FROM grant_case`)).toEqual(before);
  });
});
