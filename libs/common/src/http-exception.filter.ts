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
  414: ErrorCode.MALFORMED_REQUEST,
  429: ErrorCode.TOO_MANY_REQUESTS,
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
      this.logger.error({ err: loggable(exception), requestId: body.requestId }, body.message);
    if (exception instanceof DomainError && exception.retryAfterSeconds)
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    else if (body.statusCode === 503 || (body.statusCode === 409 && body.code === ErrorCode.CONFLICT))
      void reply.header('retry-after', '1');
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
    const db = databaseRefusal(exception);
    if (db) return { ...db, requestId };
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

/**
 * What is logged of a failed request: the error's name, code, message and stack, never the query's
 * parameters (TypeORM's QueryFailedError carries them: organisation numbers that are personnummer, file
 * bytes) nor the driver's detail line, which quotes the values of a violated key.
 */
function loggable(exception: unknown): unknown {
  if (!(exception instanceof Error)) return { message: String(exception) };
  const driver = (exception as { driverError?: { code?: string; constraint?: string; table?: string } })
    .driverError;
  return {
    type: exception.name,
    message: exception.message,
    stack: exception.stack,
    ...(driver ? { code: driver.code, constraint: driver.constraint, table: driver.table } : {}),
  };
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * PostgreSQL's refusals that are the caller's doing, or a lost race, mapped to the error shape. A unique
 * or foreign-key violation names the field; a deadlock or serialisation failure is a conflict to retry;
 * a lock or statement timeout, or a server out of connections (or another resource), means the service is
 * busy. A refused connection comes as the driver's own error (with a severity), not in a failed query.
 */
export function databaseRefusal(exception: unknown): Omit<Body, 'requestId'> | null {
  type DriverError = { code?: string; column?: string; detail?: string; severity?: string };
  const own = exception as DriverError | undefined;
  const driver =
    (exception as { driverError?: DriverError } | undefined)?.driverError ??
    (typeof own?.severity === 'string' ? own : undefined);
  if (!driver?.code) return null;
  if (driver.code.startsWith('53') || driver.code === '57P03') return busy;
  const keyColumn = /Key \(([a-z_]+)\)/.exec(driver.detail ?? '')?.[1];
  const field = camel(driver.column ?? keyColumn ?? 'body');
  switch (driver.code) {
    case '23505': // A unique constraint lost to a concurrent request: the other request won.
      return { statusCode: 409, code: ErrorCode.CONFLICT, message: 'Uppgiften finns redan', details: [] };
    case '23503':
      if (/still referenced/.test(driver.detail ?? ''))
        return {
          statusCode: 409,
          code: ErrorCode.CONFLICT,
          message: 'Uppgiften används och kan inte tas bort',
          details: [],
        };
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: 'Uppgiften hänvisar till något som inte finns',
        details: [{ field, problem: 'finns inte' }],
      };
    case '23502':
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: 'En obligatorisk uppgift saknas',
        details: [{ field, problem: 'saknas' }],
      };
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
    case '22P02':
    case '22P05':
      return {
        statusCode: 400,
        code: ErrorCode.VALIDATION_FAILED,
        message: 'Ett värde i begäran kan inte lagras',
        details: [{ field: driver.column ? field : 'body', problem: 'ogiltigt värde' }],
      };
    case '40001':
    case '40P01':
      return {
        statusCode: 409,
        code: ErrorCode.CONFLICT,
        message: 'Uppgiften ändrades samtidigt av någon annan; försök igen',
        details: [],
      };
    case '55P03':
    case '57014':
      return busy;
    default:
      return null;
  }
}

const busy: Omit<Body, 'requestId'> = {
  statusCode: 503,
  code: ErrorCode.SERVICE_UNAVAILABLE,
  message: 'Tjänsten är upptagen just nu; försök igen om en stund',
  details: [],
};
