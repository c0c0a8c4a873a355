import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { attachmentDisposition, UuidPipe } from '@anslag/common';
import { DecisionLettersService } from './decision-letters.service';
import { LetterStatusDto } from './letter-status.dto';

@ApiTags('letters')
@ApiBearerAuth()
@Controller('api/decisions/:id/letter')
export class LettersController {
  constructor(private readonly letters: DecisionLettersService) {}

  @Get()
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The decision letter as PDF; 404 until it is ready. Sökande of the case’s organisation; officers.',
  })
  async download(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const letter = await this.letters.file(p, id);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentDisposition(letter.filename))
      .header('x-content-sha256', letter.sha256)
      .send(letter.pdf);
  }

  @Get('preview')
  @Roles(...OFFICER_ROLES)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The letter a draft decision would get, as PDF marked UTKAST on every page; rendered on request, never stored; 404 for a decision that is not a draft. Officers.',
  })
  async preview(@Param('id', new UuidPipe()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const letter = await this.letters.preview(id);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentDisposition(letter.filename))
      .header('cache-control', 'no-store')
      .header('x-content-sha256', letter.sha256)
      .send(letter.pdf);
  }

  @Get('status')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'Where the letter is: queued, rendering, done or failed (the error only to officers). Sökande of the case’s organisation; officers.',
  })
  @ApiOkResponse({ type: LetterStatusDto })
  status(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<LetterStatusDto> {
    return this.letters.status(p, id);
  }

  @Post('retry')
  @HttpCode(202)
  @Roles(Role.handlaggare)
  @ApiOperation({ summary: 'Queue a failed letter again (a fresh job). Handläggare.' })
  @ApiAcceptedResponse({ type: LetterStatusDto })
  retry(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<LetterStatusDto> {
    return this.letters.retry(p, id);
  }
}
