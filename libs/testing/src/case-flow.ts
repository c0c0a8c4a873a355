import type request from 'supertest';
import type { TestUser } from './factories';

/** Creates a case as the applicant, submits it and has the officer take it up; returns its id. */
export async function submittedAndTakenUp(
  http: ReturnType<typeof request>,
  applicant: TestUser,
  officer: TestUser,
  body: object,
): Promise<string> {
  const c = await http.post('/api/cases').set(applicant.auth).send(body).expect(201);
  const id = c.body.id as string;
  await http
    .post(`/api/cases/${id}/transitions`)
    .set(applicant.auth)
    .send({ transition: 'skicka_in' })
    .expect(201);
  await http
    .post(`/api/cases/${id}/transitions`)
    .set(officer.auth)
    .send({ transition: 'paborja_handlaggning' })
    .expect(201);
  return id;
}
