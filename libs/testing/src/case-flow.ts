import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import type { Organisation } from '@anslag/cases';
import { createOrganisation, createUser, type TestUser } from './factories';

type Http = ReturnType<typeof request>;

/** Who does what: the officer takes up, assesses and drafts; the decider signs unless a step names another. */
export interface CaseFlowRoles {
  officer: TestUser;
  decider?: TestUser;
}

/**
 * A case driven through the API as the proper roles: the applicant creates and submits it, the officer
 * takes it up, assesses it and drafts the decision, a decider signs it. Each step expects its success
 * status; a test about a step's refusal calls that route itself.
 */
export class CaseFlow {
  readonly http: Http;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly roles: CaseFlowRoles,
    http?: Http,
  ) {
    this.http = http ?? request(app.getHttpServer());
  }

  /** A small firm outside the tätort (3 employees, run by women, in Lindesberg) and its applicant. */
  async firm(overrides: Partial<Organisation> = {}): Promise<{ org: Organisation; applicant: TestUser }> {
    const org = await createOrganisation(this.app.get(DataSource), {
      inTatort: false,
      employees: 3,
      fteHundredths: 250,
      runBy: 'kvinnor',
      kommunCode: '1885',
      ...overrides,
    });
    return { org, applicant: await createUser(this.app, [Role.sokande], [org.id]) };
  }

  /** Created as the applicant (a draft application); returns the case id. */
  async created(applicant: TestUser, body: object): Promise<string> {
    return (await this.http.post('/api/cases').set(applicant.auth).send(body).expect(201)).body.id;
  }

  /** Created as the applicant, submitted, and taken up by the officer; returns the case id. */
  async takenUp(applicant: TestUser, body: object): Promise<string> {
    const id = await this.created(applicant, body);
    await this.transition(id, applicant, 'skicka_in');
    await this.transition(id, this.roles.officer, 'paborja_handlaggning');
    return id;
  }

  /** A transition of the case by `who`, expected to pass. */
  async transition(caseId: string, who: TestUser, transition: string): Promise<void> {
    await this.http.post(`/api/cases/${caseId}/transitions`).set(who.auth).send({ transition }).expect(201);
  }

  /** The officer's assessment; returns the response (the evaluation and the frames). */
  async assess(caseId: string) {
    return (await this.http.post(`/api/cases/${caseId}/evaluation`).set(this.roles.officer.auth).expect(201))
      .body;
  }

  /** Taken up and assessed; returns the case id. */
  async assessed(applicant: TestUser, body: object): Promise<string> {
    const id = await this.takenUp(applicant, body);
    await this.assess(id);
    return id;
  }

  /** The officer's draft decision (a grant as assessed unless `body` says otherwise); returns it. */
  async draft(caseId: string, body: object = { outcome: 'bifall' }) {
    return (
      await this.http
        .post(`/api/cases/${caseId}/decisions`)
        .set(this.roles.officer.auth)
        .send(body)
        .expect(201)
    ).body;
  }

  /** The draft signed by `signer` (the decider by default); returns the signed decision. */
  async sign(draftId: string, signer = this.roles.decider, body: object = {}) {
    if (!signer) throw new Error('CaseFlow.sign: no signer given and no decider among the roles');
    return (await this.http.post(`/api/decisions/${draftId}/sign`).set(signer.auth).send(body).expect(201))
      .body;
  }
}
