import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { AccessService } from '../access.service';
import { Attachment } from '../entities/attachment.entity';
import { CatalogueEntry } from '../entities/catalogue-entry.entity';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { checkContentType } from './content-type';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Attachments one case may hold (each up to MAX_ATTACHMENT_BYTES). */
export const MAX_ATTACHMENTS_PER_CASE = 100;

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  /** The attachment type's code from the catalogue, or null. */
  type: string | null;
  size: number;
  sha256: string;
  createdAt: string;
}

const info = (a: Attachment): AttachmentInfo => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  type: a.type,
  size: a.size,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly history: HistoryService,
  ) {}

  async add(
    p: Principal,
    caseId: string,
    file: { filename: string; mimetype: string; content: Buffer; type?: string | null },
  ): Promise<AttachmentInfo> {
    const check = checkContentType(file.mimetype, file.content);
    if (!check.ok)
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Filtypen tas inte emot', [
        { field: 'file', problem: check.problem },
      ]);
    if (file.content.length === 0) throw DomainError.validation('file', 'filen är tom');
    const filename = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255) || 'bilaga';
    return this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw DomainError.notFound('Ärendet');
      await this.access.assertOrganisation(p, c.organisationId, 'Ärendet', em);
      if (c.status === 'beslutad' || c.status === 'aterkallad' || c.status === 'avslutad') {
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `Bilagor kan inte läggas till i status "${c.status}"`,
        );
      }
      const count = await em.count(Attachment, { where: { caseId } });
      if (count >= MAX_ATTACHMENTS_PER_CASE)
        throw new DomainError(ErrorCode.CONFLICT, `Ärendet har redan ${count} bilagor`, [
          { field: 'file', problem: `högst ${MAX_ATTACHMENTS_PER_CASE} bilagor per ärende` },
        ]);
      const type = file.type ?? null;
      if (type !== null) {
        const types = await em.find(CatalogueEntry, { where: { kind: 'attachment_type', active: true } });
        const allowed = types.filter((t) => t.tracks.length === 0 || t.tracks.includes(c.track));
        if (!allowed.some((t) => t.code === type))
          throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Okänd bilagetyp', [
            { field: 'type', problem: `okänd bilagetyp "${type}"`, allowed: allowed.map((t) => t.code) },
          ]);
      }
      const sha256 = createHash('sha256').update(file.content).digest('hex');
      const saved = await em.save(
        em.create(Attachment, {
          caseId,
          filename,
          contentType: check.type,
          type,
          size: file.content.length,
          sha256,
          content: file.content,
          secrecyMarking: c.secrecyMarking,
          uploadedBy: p.userId,
        }),
      );
      await this.history.record(em, {
        caseId,
        actor: p,
        action: 'bilaga_tillagd',
        after: { filename, type, size: saved.size, sha256 },
      });
      return info(saved);
    });
  }

  async list(p: Principal, caseId: string): Promise<AttachmentInfo[]> {
    await this.assertCase(p, caseId);
    return (
      await this.db.getRepository(Attachment).find({ where: { caseId }, order: { createdAt: 'ASC' } })
    ).map(info);
  }

  async download(p: Principal, caseId: string, id: string): Promise<AttachmentInfo & { content: Buffer }> {
    await this.assertCase(p, caseId);
    const a = await this.db
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.case_id = :caseId', { id, caseId })
      .getOne();
    if (!a) throw DomainError.notFound('Bilagan');
    return { ...info(a), content: a.content };
  }

  private async assertCase(p: Principal, caseId: string): Promise<void> {
    const c = await this.db
      .getRepository(GrantCase)
      .findOne({ where: { id: caseId }, select: { id: true, organisationId: true } });
    if (!c) throw DomainError.notFound('Ärendet');
    await this.access.assertOrganisation(p, c.organisationId, 'Ärendet');
  }
}
