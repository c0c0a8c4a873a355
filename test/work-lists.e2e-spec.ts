import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { Clock } from '@anslag/common';
import type { RuleSet } from '@anslag/rules';
import {
  CaseFlow,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  PrivateDatabase,
  type TestUser,
} from '@anslag/testing';
import ruleSet2019 from '../libs/demo/data/inriktningsbeslut-2019.json';

/**
 * Officers, decision makers and the secretariat find their work through the list routes alone: the
 * officers' queue with assignment and completion requests, the drafts a decision maker may sign, the
 * decisions the secretariat has yet to report, and the what-if of a stored draft. A database of its own,
 * so that the counts are exact.
 */
describe('work lists', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: PrivateDatabase;
  let applicant: TestUser;
  let anna: TestUser;
  let bertil: TestUser;
  let decider33: TestUser;
  let decider32: TestUser;
  let secretary: TestUser;
  let admin: TestUser;
  let flow: CaseFlow;
  let orgId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    const ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    anna = await createUser(app, [Role.handlaggare]);
    bertil = await createUser(app, [Role.handlaggare]);
    decider33 = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    // Bertil takes the first case up, assesses it and drafts its decision.
    flow = new CaseFlow(app, { officer: bertil, decider: decider33 });
    const firm = await flow.firm({ name: 'Kaffebruket i Lindesberg AB' });
    orgId = firm.org.id;
    applicant = firm.applicant;
    decider32 = await createUser(app, [Role.beslutsfattare], [], ['3.2']);
    secretary = await createUser(app, [Role.namndsekreterare]);
    admin = await createUser(app, [Role.admin]);
    await ds.query(`UPDATE account SET display_name = 'Anna Ek', title = 'Handläggare' WHERE id = $1`, [
      anna.account.id,
    ]);
    await ds.query(`UPDATE account SET display_name = 'Bertil Ask' WHERE id = $1`, [bertil.account.id]);
    for (const [key, title, submit] of [
      ['first', 'Espressomaskin till caféet', true],
      ['second', 'Kaffebryggare till butiken', true],
      ['draft', 'Rostare, ännu inte inskickad', false],
    ] as const) {
      ids[key] = await flow.created(applicant, {
        ...mikrobidragApplication(orgId, 30_000),
        title,
        costLines: [{ description: title, costType: 'equipment', amount: 60_000 }],
      });
      if (submit) await flow.transition(ids[key], applicant, 'skicka_in');
    }
  }, 120_000);

  afterAll(async () => {
    app?.get(Clock).set(null);
    await app?.close();
    await db?.drop();
  }, 30_000);

  const transition = (id: string, who: TestUser, name: string, reason?: string) =>
    http.post(`/api/cases/${id}/transitions`).set(who.auth).send({ transition: name, reason }).expect(201);

  it('gives the officers a queue: several statuses, free text, counts, received and age', async () => {
    const queue = await http
      .get('/api/cases')
      .query({ status: 'inskickad,under_handlaggning', sort: 'title' })
      .set(anna.auth)
      .expect(200);
    expect(queue.body.items.map((c: { title: string }) => c.title)).toEqual([
      'Espressomaskin till caféet',
      'Kaffebryggare till butiken',
    ]);
    expect(queue.body.counts).toEqual({
      utkast: 1,
      inskickad: 2,
      under_handlaggning: 0,
      komplettering_begard: 0,
      komplettering_inkommen: 0,
      beslutad: 0,
      aterkallad: 0,
      avslutad: 0,
    });
    expect(queue.body.items[0]).toMatchObject({
      receivedAt: expect.any(String),
      ageDays: 0,
      assignedTo: null,
      evaluation: null,
      decision: null,
      organisationName: 'Kaffebruket i Lindesberg AB',
    });
    const text = await http.get('/api/cases').query({ q: 'bryggare' }).set(anna.auth).expect(200);
    expect(text.body.items.map((c: { id: string }) => c.id)).toEqual([ids.second]);
  });

  it('assigns and reassigns a case, shows mine and unassigned, and keeps both in the history by name', async () => {
    await http
      .put(`/api/cases/${ids.first}/assignee`)
      .set(anna.auth)
      .send({ assignedTo: anna.account.id })
      .expect(200);
    const mine = await http.get('/api/cases').query({ assignee: 'mine' }).set(anna.auth).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([ids.first]);
    expect(mine.body.items[0].assignedTo).toEqual({
      id: anna.account.id,
      displayName: 'Anna Ek',
      title: 'Handläggare',
    });
    const unassigned = await http
      .get('/api/cases')
      .query({ assignee: 'unassigned', status: 'inskickad' })
      .set(anna.auth)
      .expect(200);
    expect(unassigned.body.items.map((c: { id: string }) => c.id)).toEqual([ids.second]);

    const moved = await http
      .put(`/api/cases/${ids.first}/assignee`)
      .set(anna.auth)
      .send({ assignedTo: bertil.account.id, reason: 'Semester' })
      .expect(200);
    expect(moved.body.assignedTo.displayName).toBe('Bertil Ask');
    const history = (await http.get(`/api/cases/${ids.first}/history`).set(bertil.auth).expect(200)).body;
    const assignments = history.filter((h: { action: string }) =>
      ['tilldelad', 'omfördelad'].includes(h.action),
    );
    expect(
      assignments.map((h: { action: string; after: { assignedToName: string } }) => [
        h.action,
        h.after.assignedToName,
      ]),
    ).toEqual([
      ['tilldelad', 'Anna Ek'],
      ['omfördelad', 'Bertil Ask'],
    ]);
    expect(assignments[1]).toMatchObject({ reason: 'Semester', actorPerson: { displayName: 'Anna Ek' } });

    const refused = await http
      .put(`/api/cases/${ids.first}/assignee`)
      .set(anna.auth)
      .send({ assignedTo: secretary.account.id })
      .expect(400);
    expect(refused.body.details[0]).toMatchObject({
      field: 'assignedTo',
      allowed: expect.arrayContaining([anna.account.id]),
    });
    await http
      .put(`/api/cases/${ids.first}/assignee`)
      .set(decider33.auth)
      .send({ assignedTo: null })
      .expect(403);
    const people = (
      await http.get('/api/people').query({ role: 'handlaggare' }).set(applicant.auth).expect(200)
    ).body;
    expect(people).toEqual(
      expect.arrayContaining([
        { id: anna.account.id, displayName: 'Anna Ek', title: 'Handläggare', roles: ['handlaggare'] },
      ]),
    );
    expect(people.map((p: { id: string }) => p.id)).not.toContain(applicant.account.id);
  });

  it('keeps a completion request on the case, due after the region’s days, and lists it when overdue', async () => {
    await transition(ids.first, bertil, 'paborja_handlaggning');
    await transition(ids.first, bertil, 'begar_komplettering', 'Bifoga offert på maskinen');
    const seen = (await http.get(`/api/cases/${ids.first}`).set(applicant.auth).expect(200)).body;
    const today = app.get(Clock).today();
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 14);
    expect(seen.openCompletionRequest).toMatchObject({
      reason: 'Bifoga offert på maskinen',
      dueDate: due.toISOString().slice(0, 10),
      answeredAt: null,
      overdue: false,
      requestedBy: { displayName: 'Bertil Ask' },
    });
    expect(
      (await http.get('/api/completion-requests').query({ overdue: true }).set(anna.auth).expect(200)).body
        .items,
    ).toEqual([]);

    app.get(Clock).set(new Date(Date.now() + 16 * 24 * 3600 * 1000));
    try {
      const overdue = (
        await http.get('/api/completion-requests').query({ overdue: true }).set(anna.auth).expect(200)
      ).body;
      expect(overdue.items).toEqual([
        expect.objectContaining({
          caseId: ids.first,
          overdue: true,
          assignedTo: expect.objectContaining({ displayName: 'Bertil Ask' }),
        }),
      ]);
      await http.get('/api/completion-requests').set(applicant.auth).expect(403);
    } finally {
      app.get(Clock).set(null);
    }
    await transition(ids.first, applicant, 'lamna_komplettering');
    const answered = (await http.get(`/api/cases/${ids.first}`).set(bertil.auth).expect(200)).body;
    expect(answered.openCompletionRequest).toBeNull();
    expect(answered.completionRequests).toEqual([
      expect.objectContaining({ answeredAt: expect.any(String) }),
    ]);
    await transition(ids.first, bertil, 'ateruppta_handlaggning');
  });

  it('shows decision makers the drafts they may sign, with what signing needs', async () => {
    await flow.assess(ids.first);
    const draft = await flow.draft(ids.first);
    const queue = (await http.get('/api/cases').query({ assignee: 'mine' }).set(bertil.auth).expect(200)).body
      .items[0];
    expect(queue).toMatchObject({
      evaluation: { outcome: expect.stringMatching(/^eligible/), maxGrant: 30_000 },
      decision: { id: draft.id, status: 'utkast', outcome: 'bifall', amount: 30_000, letterStatus: null },
    });

    const signable = (
      await http
        .get('/api/decisions')
        .query({ status: 'utkast', signableByMe: true })
        .set(decider33.auth)
        .expect(200)
    ).body;
    expect(signable.items).toEqual([
      expect.objectContaining({
        id: draft.id,
        diarienummer: expect.stringMatching(/RS/),
        organisationName: 'Kaffebruket i Lindesberg AB',
        amount: 30_000,
        evaluatedMax: 30_000,
        aboveEvaluatedMax: false,
        delegationPoint: '3.3',
        jav: [],
        frameWarnings: [],
        draftedBy: expect.objectContaining({ displayName: 'Bertil Ask' }),
        signableByMe: true,
      }),
    ]);
    expect(
      (await http.get('/api/decisions').query({ signableByMe: true }).set(decider32.auth).expect(200)).body
        .items,
    ).toEqual([]);
    const notMine = (await http.get('/api/decisions').set(decider32.auth).expect(200)).body.items;
    expect(notMine).toEqual([
      expect.objectContaining({
        id: draft.id,
        signableByMe: false,
        notSignableReason: 'ingen delegationspunkt du innehar omfattar beslutet',
      }),
    ]);
    await http.get('/api/decisions').set(applicant.auth).expect(403);

    await flow.sign(draft.id);
    const undelivered = (
      await http.get('/api/reports/delegation-decisions/undelivered').set(secretary.auth).expect(200)
    ).body;
    const point = undelivered.points.find((p: { point: string }) => p.point === '3.3');
    expect(point).toMatchObject({ count: 1, granted: 30_000, lastPresentation: null });
    expect(point.decisions).toEqual([expect.objectContaining({ decisionId: draft.id, amount: 30_000 })]);
    await http.get('/api/reports/delegation-decisions/undelivered').set(applicant.auth).expect(403);
  });

  it('answers the what-if of a stored draft per case, with the terms that change', async () => {
    const content = JSON.parse(JSON.stringify(ruleSet2019)) as RuleSet;
    content.id = `utkast-${Date.now()}`;
    content.aidForms.mikrobidrag.maxPerDecision = 20_000;
    const draft = (
      await http.post('/api/policy/inriktningsbeslut').set(admin.auth).send({ content }).expect(201)
    ).body;
    const result = (
      await http.get(`/api/policy/inriktningsbeslut/${draft.id}/what-if`).set(secretary.auth).expect(200)
    ).body;
    const row = result.cases.find((c: { caseId: string }) => c.caseId === ids.second);
    expect(row).toMatchObject({
      organisationName: 'Kaffebruket i Lindesberg AB',
      aidForm: 'mikrobidrag',
      amountApplied: 30_000,
      current: { maxGrant: 30_000 },
      draft: { maxGrant: 20_000, limitedBy: ['per_beslut'] },
      changed: true,
    });
    expect(row.changedTerms).toEqual(expect.arrayContaining(['maxGrant', 'per_beslut']));
    expect(result.cases.every((c: { changed: boolean }) => c.changed)).toBe(true);
    const { total } = result.unchanged;
    expect(total + result.changedCases).toBe(result.openCases);
    // The unchanged cases page by page, none of them twice and none changed.
    const seen = new Set<string>();
    for (let page = 1; page <= total + 1; page++) {
      const body = (
        await http
          .get(`/api/policy/inriktningsbeslut/${draft.id}/what-if?page=${page}&pageSize=1`)
          .set(secretary.auth)
          .expect(200)
      ).body;
      expect(body.unchanged).toMatchObject({ total, page, pageSize: 1 });
      expect(body.unchanged.items).toHaveLength(page <= total ? 1 : 0);
      for (const c of body.unchanged.items) {
        expect(c.changed).toBe(false);
        expect(c.changedTerms).toEqual([]);
        seen.add(c.caseId);
      }
    }
    expect(seen.size).toBe(total);
    const bad = await http
      .get(`/api/policy/inriktningsbeslut/${draft.id}/what-if?pageSize=0`)
      .set(secretary.auth)
      .expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'pageSize' });
    await http.get(`/api/policy/inriktningsbeslut/${draft.id}/what-if`).set(applicant.auth).expect(403);
  });
});
