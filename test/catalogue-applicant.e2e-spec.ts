import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { DemoLoader, loadDemoData } from '@anslag/demo';
import {
  createTestApp,
  createUser,
  randomOrganisationsnummer,
  type TestUser,
  PrivateDatabase,
} from '@anslag/testing';
import { type OpenApiDoc, ResponseValidator, type Schema } from './support/openapi';

type Code = { code: string; name: string };
type AidForm = Code & { costTypes: string[]; priorityCriteria: string[]; requiredAttachmentTypes: string[] };
type Section = Code & { tracks: string[]; requiredFor: string[] };

/**
 * A new applicant fills a company and a project application using only what the catalogue routes
 * return (on the demo data), and every answer matches its schema in the OpenAPI document.
 */
describe('an applicant who knows only the catalogue routes', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: PrivateDatabase;
  let doc: OpenApiDoc;
  let validator: ResponseValidator;
  let applicant: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    http = request(app.getHttpServer());
    await new DemoLoader(app.get(DataSource)).load(loadDemoData(), 'demo-test');
    applicant = await createUser(app, [Role.sokande]);
    officer = await createUser(app, [Role.handlaggare]);
    doc = (await http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
    validator = new ResponseValidator(doc);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 30_000);

  /** Calls the route and checks the answer against the schema the document declares for its status. */
  async function call(
    method: 'get' | 'post' | 'put' | 'patch',
    url: string,
    status: number,
    body?: object,
    user: TestUser = applicant,
    docPath?: string,
  ) {
    let req = http[method](url).set(user.auth);
    if (body) req = req.send(body);
    const res = await req;
    expect({ url, status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({
      url,
      status,
      body: 'ok',
    });
    const path = docPath ?? url.split('?')[0];
    const schema = doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']
      ?.schema as Schema | undefined;
    expect({ url, declared: !!schema }).toEqual({ url, declared: true });
    expect({ url, problems: validator.check(schema!, res.body) }).toEqual({ url, problems: null });
    return res.body;
  }

  const catalogue = async <T>(name: string): Promise<T> => call('get', `/api/catalogues/${name}`, 200);

  async function registerOrganisation(): Promise<string> {
    const kommuner = await catalogue<Code[]>('kommuner');
    const lindesberg = kommuner.find((k) => k.name === 'Lindesberg')!;
    const org = await call('post', '/api/organisations', 201, {
      organisationsnummer: randomOrganisationsnummer(),
      name: 'Bergslagens Svets AB',
      streetAddress: 'Bruksgatan 4',
      postalCode: '711 30',
      city: 'Lindesberg',
      kommunCode: lindesberg.code,
      legalForm: 'Aktiebolag',
      employees: 3,
      fteHundredths: 250,
      runBy: 'kvinnor',
    });
    return org.id;
  }

  let orgId: string;

  it('registers the organisation with a kommun from the catalogue', async () => {
    orgId = await registerOrganisation();
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    // An officer has verified the applicant's mandate to act for the firm (identity's own flow).
    await app
      .get(DataSource)
      .query(`UPDATE mandate SET status = 'giltig' WHERE organisation_id = $1`, [orgId]);
  });

  it('fills and submits a company application from the catalogues alone', async () => {
    const forms = await catalogue<AidForm[]>('aid-forms');
    const costTypes = await catalogue<(Code & { aidForms: string[] })[]>('cost-types');
    const criteria = await catalogue<(Code & { text: string; aidForms: string[] })[]>('priority-criteria');
    const attachmentTypes = await catalogue<{ maxBytes: number; contentTypes: string[]; types: Section[] }>(
      'attachment-types',
    );
    // An aid form that needs an attachment, so that completeness is shown too.
    const form = forms.find((f) => f.requiredAttachmentTypes.length > 0 && f.costTypes.length > 0)!;
    const costType = costTypes.find((c) => c.aidForms.includes(form.code))!;
    expect(form.costTypes).toContain(costType.code);
    const claim = criteria.find((c) => form.priorityCriteria.includes(c.code))!;

    const draft = await call('post', '/api/cases', 201, {
      track: 'foretagsstod',
      organisationId: orgId,
      title: `${form.name}: ${costType.name}`,
    });
    // Every problem at once, before the applicant presses "Skicka in".
    const empty = await call(
      'get',
      `/api/cases/${draft.id}/submission-check`,
      200,
      undefined,
      applicant,
      '/api/cases/{id}/submission-check',
    );
    expect(empty.ready).toBe(false);
    expect(empty.problems.map((p: { field: string }) => p.field)).toEqual(
      expect.arrayContaining([
        'aidForm',
        'amountApplied',
        'plannedStart',
        'costLines',
        'collectiveAgreement',
      ]),
    );

    await call(
      'patch',
      `/api/cases/${draft.id}`,
      200,
      {
        aidForm: form.code,
        amountApplied: 40_000,
        costLines: [{ description: costType.name, costType: costType.code, amount: 80_000 }],
        plannedStart: '2031-03-01',
        collectiveAgreement: true,
        priorityClaims: [claim.code],
      },
      applicant,
      '/api/cases/{id}',
    );
    const missing = await call(
      'get',
      `/api/cases/${draft.id}/submission-check`,
      200,
      undefined,
      applicant,
      '/api/cases/{id}/submission-check',
    );
    const required = attachmentTypes.types.find((t) => t.code === form.requiredAttachmentTypes[0])!;
    expect(missing.problems).toEqual([
      { field: `attachments.${required.code}`, problem: `bilagan "${required.name}" saknas` },
    ]);

    await http
      .post(`/api/cases/${draft.id}/attachments`)
      .set(applicant.auth)
      .field('type', required.code)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), {
        filename: 'offert.pdf',
        contentType: attachmentTypes.contentTypes[0],
      })
      .expect(201);
    expect(
      (
        await call(
          'get',
          `/api/cases/${draft.id}/submission-check`,
          200,
          undefined,
          applicant,
          '/api/cases/{id}/submission-check',
        )
      ).ready,
    ).toBe(true);
    const submitted = await call(
      'post',
      `/api/cases/${draft.id}/transitions`,
      201,
      { transition: 'skicka_in' },
      applicant,
      '/api/cases/{id}/transitions',
    );
    expect(submitted.status).toBe('inskickad');
    expect(submitted.diarienummer).toMatch(/^\d{2}RS\d+$/);
  });

  it('fills and submits a project application from the catalogues alone', async () => {
    const sections = await catalogue<Section[]>('sections');
    const rus = await catalogue<{ areas: Code[]; effektmal: Code[] }>('rus');
    const categories = await catalogue<Code[]>('cost-categories');
    const financiers =
      await catalogue<(Code & { regionGrant: boolean; sector: string | null })[]>('financiers');
    const kommuner = await catalogue<Code[]>('kommuner');
    const region = financiers.find((f) => f.regionGrant)!;
    const kommun = financiers.find(
      (f) => f.name === `${kommuner.find((k) => k.name === 'Lindesberg')!.name} kommun`,
    )!;
    const privat = financiers.find((f) => f.sector === 'privat')!;
    const projectSections = sections.filter((s) => s.tracks.includes('projekt'));
    const required = projectSections.filter((s) => s.requiredFor.includes('projekt'));
    expect(required.length).toBeGreaterThan(0);

    const draft = await call('post', '/api/cases', 201, {
      track: 'projekt',
      organisationId: orgId,
      title: 'Svetslyftet i Bergslagen',
      periodStart: '2031-01-01',
      periodEnd: '2032-12-31',
      rusAreas: [rus.areas[0].code],
      effektmal: [rus.effektmal[0].code],
      sections: { [required[0].code]: 'Ett kompetenslyft för svetsare.' },
      budget: {
        costs: [
          { category: categories[0].code, year: 2031, amount: 300_000 },
          { category: categories[1].code, year: 2032, amount: 100_000 },
        ],
        financing: [
          { financier: region.code, year: 2031, amount: 200_000 },
          { financier: kommun.code, year: 2031, amount: 100_000 },
          { financier: privat.code, year: 2032, amount: 50_000 },
        ],
      },
    });
    const check = await call(
      'get',
      `/api/cases/${draft.id}/submission-check`,
      200,
      undefined,
      applicant,
      '/api/cases/{id}/submission-check',
    );
    const fields = check.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['budget', ...required.slice(1).map((s) => `sections.${s.code}`)]),
    );
    // Submission reports the same problems, all at once, and registers nothing.
    const refused = await http
      .post(`/api/cases/${draft.id}/transitions`)
      .set(applicant.auth)
      .send({ transition: 'skicka_in' })
      .expect(409);
    expect(refused.body.details).toEqual(check.problems);

    await call(
      'patch',
      `/api/cases/${draft.id}`,
      200,
      {
        sections: Object.fromEntries(required.map((s) => [s.code, `${s.name}: text från sökanden.`])),
        budget: {
          costs: [
            { category: categories[0].code, year: 2031, amount: 300_000 },
            { category: categories[1].code, year: 2032, amount: 100_000 },
          ],
          financing: [
            { financier: region.code, year: 2031, amount: 200_000 },
            { financier: kommun.code, year: 2031, amount: 100_000 },
            { financier: privat.code, year: 2032, amount: 100_000 },
          ],
        },
      },
      applicant,
      '/api/cases/{id}',
    );
    expect(
      await call(
        'get',
        `/api/cases/${draft.id}/submission-check`,
        200,
        undefined,
        applicant,
        '/api/cases/{id}/submission-check',
      ),
    ).toEqual({ ready: true, problems: [] });
    const submitted = await call(
      'post',
      `/api/cases/${draft.id}/transitions`,
      201,
      { transition: 'skicka_in' },
      applicant,
      '/api/cases/{id}/transitions',
    );
    expect(submitted).toMatchObject({ status: 'inskickad', amountApplied: 200_000 });
  });

  it('refuses codes that are not in their catalogues, naming the field and listing the allowed codes', async () => {
    const costTypes = (await catalogue<Code[]>('cost-types')).map((c) => c.code);
    const financiers = (await catalogue<Code[]>('financiers')).map((c) => c.code);
    const company = await http
      .post('/api/cases')
      .set(applicant.auth)
      .send({
        track: 'foretagsstod',
        organisationId: orgId,
        title: 'Maskin',
        costLines: [{ description: 'Maskin', costType: 'maskin', amount: 1000 }],
        priorityClaims: ['ny_affarside'],
      })
      .expect(400);
    expect(company.body.details).toEqual([
      { field: 'costLines[0].costType', problem: 'okänd kostnadstyp "maskin"', allowed: costTypes },
      {
        field: 'priorityClaims[0]',
        problem: 'okänd prioriteringsgrund "ny_affarside"',
        allowed: expect.any(Array),
      },
    ]);
    const project = await http
      .post('/api/cases')
      .set(applicant.auth)
      .send({
        track: 'projekt',
        organisationId: orgId,
        title: 'Projekt',
        rusAreas: ['okant_omrade'],
        budget: { costs: [], financing: [{ financier: 'region_1_1', year: 2031, amount: 1 }] },
      })
      .expect(400);
    expect(project.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'rusAreas[0]',
          allowed: expect.arrayContaining(['innovationskraft_specialisering']),
        }),
        {
          field: 'budget.financing[0].financier',
          problem: 'okänd finansiär "region_1_1"',
          allowed: financiers,
        },
      ]),
    );
    const cases = (await call('get', '/api/cases?pageSize=200', 200, undefined, applicant, '/api/cases'))
      .items;
    expect(cases.map((c: { title: string }) => c.title)).not.toContain('Maskin');
  });

  it('accepts every documented example of creating a case, answering what the document says', async () => {
    const examples = doc.paths['/api/cases'].post.requestBody!.content['application/json'].examples!;
    expect(Object.keys(examples).sort()).toEqual(['foretagsstod', 'projekt']);
    for (const { value } of Object.values(examples)) {
      const created = await call('post', '/api/cases', 201, { ...(value as object), organisationId: orgId });
      expect(created.track).toBe((value as { track: string }).track);
    }
  });

  it('lets an admin add a financier that applicants then see', async () => {
    const admin = await createUser(app, [Role.admin]);
    await call(
      'put',
      '/api/catalogues/entries/financier/stiftelse_x',
      200,
      { name: 'Stiftelsen X', sector: 'privat' },
      admin,
      '/api/catalogues/entries/{kind}/{code}',
    );
    expect((await catalogue<Code[]>('financiers')).map((f) => f.code)).toContain('stiftelse_x');
    await http
      .put('/api/catalogues/entries/financier/stiftelse_y')
      .set(officer.auth)
      .send({ name: 'Y' })
      .expect(403);
    await http
      .put('/api/catalogues/entries/financier/stiftelse_y')
      .set(applicant.auth)
      .send({ name: 'Y' })
      .expect(403);
  });
});
