import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mindLikeProject,
  TestUser,
} from '@anslag/testing';

describe('attachments', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let owner: TestUser;
  let stranger: TestUser;
  let officer: TestUser;
  let caseId: string;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    const org = await createOrganisation(ds);
    owner = await createUser(app, [Role.sokande], [org.id]);
    stranger = await createUser(app, [Role.sokande], [(await createOrganisation(ds)).id]);
    officer = await createUser(app, [Role.handlaggare]);
    caseId = (await http.post('/api/cases').set(owner.auth).send(mindLikeProject(org.id)).expect(201)).body
      .id;
  });
  afterAll(() => app.close());

  it('stores an upload with its checksum and gives it back only to those who may see the case', async () => {
    const up = await http
      .post(`/api/cases/${caseId}/attachments`)
      .set(owner.auth)
      .attach('file', pdf, { filename: 'budget åäö.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(up.body).toMatchObject({
      filename: 'budget åäö.pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const down = await http
      .get(`/api/cases/${caseId}/attachments/${up.body.id}`)
      .set(officer.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(down.body as Buffer, pdf)).toBe(0);
    await http.get(`/api/cases/${caseId}/attachments/${up.body.id}`).set(stranger.auth).expect(404);
    await http.get(`/api/cases/${caseId}/attachments`).set(stranger.auth).expect(404);
    const list = await http.get(`/api/cases/${caseId}/attachments`).set(owner.auth).expect(200);
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([up.body.id]);
    const history = await http.get(`/api/cases/${caseId}/history`).set(owner.auth).expect(200);
    expect(history.body.at(-1)).toMatchObject({
      action: 'bilaga_tillagd',
      after: { filename: 'budget åäö.pdf', size: pdf.length },
    });
  });

  it('refuses content that does not match its type, an unknown type, and a stranger’s upload', async () => {
    const fake = await http
      .post(`/api/cases/${caseId}/attachments`)
      .set(owner.auth)
      .attach('file', Buffer.from('MZ this is an executable'), {
        filename: 'x.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(fake.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: [{ field: 'file' }] });
    await http
      .post(`/api/cases/${caseId}/attachments`)
      .set(owner.auth)
      .attach('file', Buffer.from('abc'), { filename: 'x.exe', contentType: 'application/x-msdownload' })
      .expect(415);
    await http
      .post(`/api/cases/${caseId}/attachments`)
      .set(stranger.auth)
      .attach('file', pdf, { filename: 'x.pdf', contentType: 'application/pdf' })
      .expect(404);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM attachment WHERE case_id = $1', [caseId]);
    expect(n).toBe(1);
  });

  it('refuses a file over 20 MB with 413', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
    const res = await http
      .post(`/api/cases/${caseId}/attachments`)
      .set(owner.auth)
      .attach('file', big, { filename: 'stor.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(413);
    expect(res.body.details[0].field).toBe('file');
  });
});
