import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { CaseFlow, createUser, mikrobidragApplication, twoInstances } from '@anslag/testing';

interface FrameLine {
  scope: string;
  code: string;
  granted: number;
}

/**
 * Two api instances on one database, each keeping the frames' usage (what signed decisions have drawn)
 * in memory: a decision signed through one counts in the other's frames from the next request on, and a
 * draft leaves the counter they compare alone. A database of its own, so that no other suite's
 * signatures move the figures.
 */
describe('frame usage cached per instance, signed through another', () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let close: () => Promise<void>;

  const counter = async (): Promise<number> =>
    Number((await a.get(DataSource).query(`SELECT version FROM signed_decision_version`))[0].version);

  beforeAll(async () => {
    ({ a, b, close } = await twoInstances());
  }, 60_000);
  afterAll(() => close?.());

  it('a mikrobidrag signed through one instance is granted in the frames and the assessment of the other', async () => {
    const ds = a.get(DataSource);
    const officer = await createUser(a, [Role.handlaggare]);
    const decider = await createUser(a, [Role.beslutsfattare], [], ['3.3']);
    // Drafted and signed through A.
    const flow = new CaseFlow(a, { officer, decider });
    const { org, applicant } = await flow.firm();
    // Each instance signs its own tokens: B's reader logs in at B.
    const reader = await createUser(b, [Role.handlaggare]);
    const viaB = request(b.getHttpServer());
    const granted = (lines: FrameLine[]) => ({
      frame: lines.find((l) => l.scope === 'frame' && l.code === 'foretagsstod')?.granted,
      aidForm: lines.find((l) => l.scope === 'aid_form' && l.code === 'mikrobidrag')?.granted ?? null,
    });
    const framesOnB = async () =>
      granted((await viaB.get('/api/policy/frames').set(reader.auth).expect(200)).body.lines);

    const caseId = await flow.assessed(applicant, mikrobidragApplication(org.id, 30_000));
    const atStart = await counter();
    const draft = await flow.draft(caseId);
    expect(draft.amount).toBe(30_000);
    // A draft draws on no frame: the counter stays.
    expect(await counter()).toBe(atStart);

    // B reads (and keeps) the usage before the signature: nothing granted yet.
    expect(await framesOnB()).toEqual({ frame: 0, aidForm: null });
    const evaluationOnB = async () =>
      granted(
        (await viaB.get(`/api/cases/${caseId}/evaluation`).set(reader.auth).expect(200)).body.frames.lines,
      );
    expect(await evaluationOnB()).toEqual({ frame: 0, aidForm: null });

    await flow.sign(draft.id);
    const [stored] = await ds.query(`SELECT status, amount::int FROM decision WHERE id = $1`, [draft.id]);
    expect(stored).toEqual({ status: 'signerat', amount: 30_000 });
    // The counter the instances compare moved in the signature's own commit.
    expect(await counter()).toBeGreaterThan(atStart);
    expect(await framesOnB()).toEqual({ frame: 30_000, aidForm: null });
    expect(await evaluationOnB()).toEqual({ frame: 30_000, aidForm: null });
  });

  it('the counter is raised as a signature commits: a signature not yet committed holds up no other', async () => {
    const ds = a.get(DataSource);
    const officer = await createUser(a, [Role.handlaggare]);
    const decider = await createUser(a, [Role.beslutsfattare], [], ['3.3']);
    const flow = new CaseFlow(a, { officer, decider });
    const drafts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { org, applicant } = await flow.firm();
      drafts.push(
        (await flow.draft(await flow.assessed(applicant, mikrobidragApplication(org.id, 20_000)))).id,
      );
    }
    const atStart = await counter();
    // One signature written and not yet committed (as the signing service writes it).
    const open = ds.createQueryRunner();
    await open.connect();
    try {
      await open.startTransaction();
      await open.query(
        `UPDATE decision SET status = 'signerat', signed_at = now(), signed_by_name = 'Beslutsfattare',
                delegation_point = '3.3' WHERE id = $1`,
        [drafts[0]],
      );
      // Not raised by the write: the counter's row is not locked by the open transaction.
      expect(Number((await open.query(`SELECT version FROM signed_decision_version`))[0].version)).toBe(
        atStart,
      );
      await ds.query(`SELECT version FROM signed_decision_version FOR UPDATE NOWAIT`);
      // Another firm's decision is signed meanwhile (it would wait on the counter's row, then fail on the
      // api's lock timeout, if the open signature held it).
      expect((await flow.sign(drafts[1])).status).toBe('signerat');
      expect(await counter()).toBe(atStart + 1);
      await open.commitTransaction();
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      await open.release();
    }
    expect(await counter()).toBe(atStart + 2);
  });
});
