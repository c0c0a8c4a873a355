import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, ErrorDetail } from './domain-error';

const BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.MALFORMED_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

interface Body {
  statusCode: number;
  code: string;
  message: string;
  details: ErrorDetail[];
  requestId: string;
}

/** Maps every error to the one error shape; the only place where errors become HTTP. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception, String(request?.id ?? ''));
    if (body.statusCode >= 500)
      this.logger.error({ err: exception, requestId: body.requestId }, body.message);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown, requestId: string): Body {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string' ? res : ((res as { message?: unknown }).message ?? exception.message);
      const text = Array.isArray(message) ? message.join('; ') : String(message);
      // Fastify's body parser reports malformed JSON as a plain 400 through Nest.
      if (status === 400 && /not valid JSON|JSON/i.test(text)) return this.malformedJson(requestId);
      return {
        statusCode: status,
        code: BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST),
        message: text,
        details: [],
        requestId,
      };
    }
    const database = databaseError(exception, requestId);
    if (database) return database;
    // Errors raised by Fastify itself (malformed JSON, body too large, bad content type) carry statusCode.
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      const status = fastifyError.statusCode;
      const malformedJson =
        fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/i.test(fastifyError.message ?? '');
      return {
        statusCode: status,
        code: BY_STATUS[status] ?? ErrorCode.MALFORMED_REQUEST,
        message: malformedJson
          ? 'Begärans innehåll är inte giltig JSON'
          : (fastifyError.message ?? 'Felaktig begäran'),
        details: malformedJson ? [{ field: 'body', problem: 'ogiltig JSON' }] : [],
        requestId,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.INTERNAL,
      message: 'Internt fel',
      details: [],
      requestId,
    };
  }

  private malformedJson(requestId: string): Body {
    return {
      statusCode: 400,
      code: ErrorCode.MALFORMED_REQUEST,
      message: 'Begärans innehåll är inte giltig JSON',
      details: [{ field: 'body', problem: 'ogiltig JSON' }],
      requestId,
    };
  }
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A constraint the database enforces, refused there rather than by a check before it (a concurrent
 * request won, or a rule only the schema holds): the request was wrong or conflicting, never a 500.
 */
function databaseError(exception: unknown, requestId: string): Body | null {
  const e = (exception as { driverError?: Record<string, string | undefined> })?.driverError;
  if (!e || typeof e.code !== 'string') return null;
  const keyColumn = /Key \(([a-z0-9_]+)(?:,[^)]*)?\)/.exec(e.detail ?? '')?.[1];
  const field = camel(e.column ?? keyColumn ?? e.constraint ?? 'body');
  const answer = (statusCode: number, code: ErrorCode, message: string, problem: string): Body => ({
    statusCode,
    code,
    message,
    details: [{ field, problem }],
    requestId,
  });
  switch (e.code) {
    case '23505':
      return answer(409, ErrorCode.CONFLICT, 'Uppgiften finns redan', 'finns redan');
    case '23503':
      return /still referenced/.test(e.detail ?? '')
        ? answer(409, ErrorCode.CONFLICT, 'Uppgiften används och kan inte tas bort', 'används')
        : answer(400, ErrorCode.VALIDATION_FAILED, 'Ogiltiga uppgifter i begäran', 'finns inte');
    case '23502':
      return answer(400, ErrorCode.VALIDATION_FAILED, 'Ogiltiga uppgifter i begäran', 'saknas');
    case '23514':
      return answer(400, ErrorCode.VALIDATION_FAILED, 'Ogiltiga uppgifter i begäran', 'ogiltigt värde');
    case '22001':
      return answer(400, ErrorCode.VALIDATION_FAILED, 'Ogiltiga uppgifter i begäran', 'för lång');
    case '22003':
      return answer(400, ErrorCode.VALIDATION_FAILED, 'Ogiltiga uppgifter i begäran', 'talet är för stort');
    case '22P02':
    case '22007':
    case '22008':
      return answer(400, ErrorCode.VALIDATION_FAILED, 'Ogiltiga uppgifter i begäran', 'ogiltigt värde');
    default:
      return null;
  }
}
