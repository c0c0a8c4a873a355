import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { attachmentDisposition, DomainError, ErrorCode, UuidPipe } from '@anslag/common';
import { AttachmentInfo, AttachmentsService, MAX_ATTACHMENT_BYTES } from './attachments.service';

class AttachmentDto implements AttachmentInfo {
  @ApiProperty() id: string;
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'bilagetyp (GET /api/catalogues/attachment-types)',
  })
  type: string | null;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: string;
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/cases/:caseId/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles(Role.sokande, Role.handlaggare)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Upload an attachment (field "file", at most 20 MB; an optional field "type" before it names the attachment type). Sökande own cases; handläggare.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        type: { type: 'string', description: 'bilagetypens kod', example: 'offert' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  async upload(
    @CurrentUser() p: Principal,
    @Param('caseId', new UuidPipe('caseId')) caseId: string,
    @Req() req: FastifyRequest,
  ): Promise<AttachmentDto> {
    if (!req.isMultipart())
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Skicka filen som multipart/form-data', [
        { field: 'file', problem: 'saknas' },
      ]);
    // Every part is read: a second file is refused rather than dropped without a word.
    let file: { filename: string; mimetype: string; content: Buffer } | undefined;
    let type: string | null = null;
    try {
      for await (const part of req.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 2 } })) {
        if (part.type !== 'file') {
          if (part.fieldname === 'type' && typeof part.value === 'string' && part.value !== '')
            type = part.value;
          continue;
        }
        if (file || part.fieldname !== 'file')
          throw DomainError.validation('file', 'en fil per begäran, i fältet "file"');
        file = { filename: part.filename, mimetype: part.mimetype, content: await part.toBuffer() };
      }
    } catch (err) {
      if (err instanceof DomainError) throw err;
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'Filen är större än 20 MB', [
          { field: 'file', problem: 'högst 20 MB' },
        ]);
      throw new DomainError(
        ErrorCode.MALFORMED_REQUEST,
        'Begärans innehåll är inte giltig multipart/form-data',
        [{ field: 'file', problem: 'ogiltig multipart' }],
      );
    }
    if (!file) throw DomainError.validation('file', 'saknas');
    if (type !== null && type.length > 60) throw DomainError.validation('type', 'får ha högst 60 tecken');
    return this.attachments.add(p, caseId, { ...file, type });
  }

  @Get()
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: "The case's attachments. Sökande own cases; officers all." })
  @ApiOkResponse({ type: [AttachmentDto] })
  list(
    @CurrentUser() p: Principal,
    @Param('caseId', new UuidPipe('caseId')) caseId: string,
  ): Promise<AttachmentDto[]> {
    return this.attachments.list(p, caseId);
  }

  @Get(':id')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: 'Download one attachment. Only those who may see the case.' })
  @ApiOkResponse({
    description: 'filens innehåll',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async download(
    @CurrentUser() p: Principal,
    @Param('caseId', new UuidPipe('caseId')) caseId: string,
    @Param('id', new UuidPipe()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const a = await this.attachments.download(p, caseId, id);
    await reply
      .header('content-type', a.contentType)
      .header('content-disposition', attachmentDisposition(a.filename))
      .header('x-content-sha256', a.sha256)
      .send(a.content);
  }
}
