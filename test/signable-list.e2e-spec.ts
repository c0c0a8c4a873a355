import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { DelegationPoint } from '@anslag/decisions';
import {
  CaseFlow,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  PrivateDatabase,
  type TestUser,
} from '@anslag/testing';

interface Item {
  id: string;
  signableByMe: boolean;
  notSignableReason: string | null;
}

/**
 * The decision makers' list of what they may sign now is cut in the database (a page reads its own
 * drafts only). It must hold exactly the drafts the list judges signable one by one: the same drafts,
 * in the same order, the same total, whatever the page. Drafts that fail each test of the judgement in
 * turn: the amount over the point's limit, a point no longer valid, another track, another aid form,
 * sent back, jäv, decided by the nämnd, the case withdrawn; a change decision on a decided case passes.
 * A database of its own, so that the list holds these drafts only.
 */
describe('the drafts a decision maker may sign, paged in the database', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: PrivateDatabase;
  let signer: TestUser;
  let other: TestUser;
  let officer: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    const ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    const point = (p: Partial<DelegationPoint>) =>
      ds.getRepository(DelegationPoint).save({
        title: `Punkt ${p.point}`,
        decisionMakerTitle: 'Beslutsfattare',
        tracks: ['foretagsstod'],
        aidForms: ['mikrobidrag'],
        limitKronor: null,
        substituteAccountIds: [],
        validFrom: '2000-01-01',
        validTo: null,
        ...p,
      });
    await point({ point: 'L.1', limitKronor: 15_000 });
    await point({ point: 'L.2', validTo: '2001-12-31' });
    await point({ point: 'L.3', tracks: ['projekt'], aidForms: [] });
    await point({ point: 'L.4', aidForms: ['konsultcheck'] });
    signer = await createUser(app, [Role.beslutsfattare], [], ['L.1', 'L.2', 'L.3', 'L.4']);
    other = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    officer = await createUser(app, [Role.handlaggare]);
    const flow = new CaseFlow(app, { officer, decider: other });
    const drafted = async (key: string, amount: number, body: object = { outcome: 'bifall' }) => {
      const { org, applicant } = await flow.firm();
      const caseId = await flow.assessed(applicant, mikrobidragApplication(org.id, amount));
      ids[key] = (await flow.draft(caseId, body)).id;
      return { caseId, applicant };
    };
    await drafted('signable', 10_000);
    await drafted('overLimit', 20_000);
    await drafted('returned', 10_000);
    await http
      .post(`/api/decisions/${ids.returned}/return`)
      .set(other.auth)
      .send({ comment: 'Motivera beloppet närmare' })
      .expect(201);
    const jav = await drafted('jav', 10_000);
    await http
      .post(`/api/cases/${jav.caseId}/jav`)
      .set(signer.auth)
      .send({ reason: 'Min bror äger det sökande bolaget' })
      .expect(201);
    await drafted('namnd', 10_000, { outcome: 'bifall', decidedByNamnd: true });
    const withdrawn = await drafted('withdrawn', 10_000);
    await flow.transition(withdrawn.caseId, withdrawn.applicant, 'aterkalla');
    await drafted('alsoSignable', 12_000);
    // Signed under 3.3, then a change decision drafted (its case is decided).
    await drafted('signed', 14_000);
    await flow.sign(ids.signed);
    ids.change = (
      await http
        .post(`/api/decisions/${ids.signed}/amendments`)
        .set(officer.auth)
        .send({ amount: 13_000 })
        .expect(201)
    ).body.id;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 30_000);

  const list = async (who: TestUser, query: object) =>
    (await http.get('/api/decisions').query(query).set(who.auth).expect(200)).body as {
      items: Item[];
      total: number;
    };

  it('holds the drafts the list judges signable, in order, on every page', async () => {
    const judged = (await list(signer, { status: 'utkast', pageSize: 200 })).items;
    const reasonOf = (key: string) => judged.find((i) => i.id === ids[key])?.notSignableReason;
    expect(judged).toHaveLength(8);
    expect(reasonOf('overLimit')).toBe('ingen delegationspunkt du innehar omfattar beslutet');
    expect(reasonOf('returned')).toBe('utkastet är tillbakaskickat till handläggaren');
    expect(reasonOf('jav')).toBe('du har anmält jäv i ärendet');
    expect(reasonOf('namnd')).toBe('beslutet fattas av nämnden');
    expect(reasonOf('withdrawn')).toBe('ärendet har status "aterkallad"');
    const signable = judged.filter((i) => i.signableByMe).map((i) => i.id);
    expect(signable).toEqual([ids.signable, ids.alsoSignable, ids.change]);

    const pages = [1, 2, 3].map((page) =>
      list(signer, { status: 'utkast', signableByMe: true, page, pageSize: 2 }),
    );
    const [one, two, three] = await Promise.all(pages);
    expect([one.total, two.total, three.total]).toEqual([3, 3, 3]);
    expect([...one.items, ...two.items].map((i) => i.id)).toEqual(signable);
    expect(three.items).toEqual([]);
    expect([...one.items, ...two.items].every((i) => i.signableByMe && i.notSignableReason === null)).toBe(
      true,
    );
  });

  it('holds nothing for a reader who signs nothing', async () => {
    expect(await list(officer, { signableByMe: true })).toMatchObject({ items: [], total: 0 });
    const others = await list(other, { signableByMe: true });
    expect(others.total).toBe(5);
    expect(others.items.map((i) => i.id)).toEqual(
      ['signable', 'overLimit', 'jav', 'alsoSignable', 'change'].map((k) => ids[k]),
    );
  });
});
