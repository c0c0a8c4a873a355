import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  CaseFlow,
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mindLikeProject,
  TestUser,
} from '@anslag/testing';

type Check = { rule: string; passed: boolean; severity: string; reason: string };
const find = (checks: Check[], rule: string) => checks.find((c) => c.rule === rule);

/** The aid forms' own conditions across HTTP and the database: service areas and the project state-aid assessment. */
describe('aid forms’ own conditions', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let flow: CaseFlow;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    flow = new CaseFlow(app, { officer });
  }, 60_000);
  afterAll(() => app.close());

  const takenUp = (applicant: TestUser, body: object) => flow.takenUp(applicant, body);
  const evaluate = async (id: string): Promise<Check[]> => (await flow.assess(id)).evaluation.checks;

  async function shop(postalCode: string, kommunCode: string) {
    const org = await createOrganisation(ds, {
      postalCode,
      kommunCode,
      inTatort: false,
      employees: 4,
      runBy: 'man',
    });
    const applicant = await createUser(app, [Role.sokande], [org.id]);
    const id = await takenUp(applicant, {
      track: 'foretagsstod',
      organisationId: org.id,
      title: 'Ny kyldisk',
      aidForm: 'kommersiell_service',
      aidSubform: 'investeringsstod',
      amountApplied: 40_000,
      costLines: [{ description: 'Kyldisk', costType: 'equipment', amount: 80_000 }],
      plannedStart: '2030-01-01',
      collectiveAgreement: true,
      stateAidFacts: { inDifficulty: false },
    });
    return { id, applicant };
  }

  it('kommersiell service: eligible in an area of the service programme, not in a town centre outside it', async () => {
    const pals = await shop('697 31', '1861'); // Pålsboda, in the demo programme
    expect(find(await evaluate(pals.id), 'geography')).toMatchObject({ passed: true });
    expect(find(await evaluate(pals.id), 'geography')?.reason).toContain('Pålsboda');

    const centre = await shop('691 31', '1883'); // Karlskoga centre: outside Örebro tätort, not sparse
    const refused = find(await evaluate(centre.id), 'geography');
    expect(refused).toMatchObject({ passed: false, severity: 'refusal' });
    expect(refused?.reason).toContain('gles service');
  }, 30_000);

  it('kommersiell service: an officer attests the area with a reason kept in the history; others may not', async () => {
    const { id, applicant } = await shop('691 31', '1883');
    const body = {
      eligible: true,
      area: 'Bergslagen norr',
      reason: 'Enda butiken inom 20 km enligt kommunens varuförsörjningsplan',
    };
    await http.put(`/api/cases/${id}/service-area`).set(applicant.auth).send(body).expect(403);
    const noReason = await http
      .put(`/api/cases/${id}/service-area`)
      .set(officer.auth)
      .send({ eligible: true })
      .expect(400);
    expect(JSON.stringify(noReason.body.details)).toContain('reason');
    await http.put(`/api/cases/${id}/service-area`).set(officer.auth).send(body).expect(200);
    const geo = find(await evaluate(id), 'geography');
    expect(geo).toMatchObject({ passed: true });
    expect(geo?.reason).toContain('handläggarens intygande');
    const hist = await ds.query(
      `SELECT reason FROM case_history WHERE case_id = $1 AND action = 'serviceomrade_intygat'`,
      [id],
    );
    expect(hist).toEqual([{ reason: body.reason }]);
  }, 30_000);

  it('project co-financing records a state-aid assessment; state aid the government was not told of refuses', async () => {
    const org = await createOrganisation(ds, { runBy: null, kommunCode: '1880' });
    const applicant = await createUser(app, [Role.sokande], [org.id]);
    const id = await takenUp(applicant, mindLikeProject(org.id));
    expect(find(await evaluate(id), 'project.state_aid')).toMatchObject({ severity: 'remark' });

    const patch = (stateAidAssessment: object) =>
      http.patch(`/api/cases/${id}`).set(officer.auth).send({ stateAidAssessment });
    expect((await patch({ isStateAid: 'nej' })).status).toBe(400);
    await patch({
      isStateAid: true,
      overlapsWith: ['SFS 2000:284'],
      reasoning: 'Gynnar enskilda butiker',
    }).then((r) => expect(r.status).toBe(200));
    const checks = await evaluate(id);
    expect(find(checks, 'project.state_aid')).toMatchObject({ severity: 'refusal' });
    expect(find(checks, 'project.overlap')?.reason).toContain('SFS 2000:284');
    const stored = await ds.query('SELECT state_aid_assessment FROM grant_case WHERE id = $1', [id]);
    expect(stored[0].state_aid_assessment).toMatchObject({ isStateAid: true });

    await patch({ isStateAid: false }).then((r) => expect(r.status).toBe(200));
    expect(find(await evaluate(id), 'project.state_aid')).toMatchObject({ passed: true, severity: 'info' });
  }, 30_000);
});
