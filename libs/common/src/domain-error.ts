/** Stable, machine-readable error codes. Tests and clients assert these, never the message text. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_REQUEST = 'MALFORMED_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CASE_NOT_SUBMITTABLE = 'CASE_NOT_SUBMITTABLE',
  BUDGET_NOT_BALANCED = 'BUDGET_NOT_BALANCED',
  NO_RULES_IN_FORCE = 'NO_RULES_IN_FORCE',
  NO_EVALUATION = 'NO_EVALUATION',
  JAV = 'JAV',
  DELEGATION_NOT_COVERED = 'DELEGATION_NOT_COVERED',
  ABOVE_EVALUATED_MAX = 'ABOVE_EVALUATED_MAX',
  COMPANY_CAP_EXCEEDED = 'COMPANY_CAP_EXCEEDED',
  DECISION_SIGNED = 'DECISION_SIGNED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_TRANSITION: 409,
  CASE_NOT_SUBMITTABLE: 409,
  BUDGET_NOT_BALANCED: 400,
  NO_RULES_IN_FORCE: 409,
  NO_EVALUATION: 409,
  JAV: 403,
  DELEGATION_NOT_COVERED: 403,
  ABOVE_EVALUATED_MAX: 409,
  COMPANY_CAP_EXCEEDED: 409,
  DECISION_SIGNED: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface ErrorDetail {
  field: string;
  problem: string;
  /** For a code that is not in its catalogue: the codes that are. */
  allowed?: string[];
}

/**
 * The one error type the domain throws. Feature libraries may register more codes with
 * `DomainError.register(code, status)` so that codes stay stable strings with one HTTP status each.
 */
export class DomainError extends Error {
  private static extra = new Map<string, number>();

  static register(code: string, status: number): void {
    DomainError.extra.set(code, status);
  }

  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return STATUS[this.code as ErrorCode] ?? DomainError.extra.get(this.code) ?? 400;
  }

  /** Seconds after which the caller may try again (sent as Retry-After with 429 and 503). */
  retryAfterSeconds?: number;

  static tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
    const e = new DomainError(ErrorCode.TOO_MANY_REQUESTS, message);
    e.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return e;
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} finns inte`);
  }

  static validation(field: string, problem: string): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, `Ogiltigt värde: ${field}`, [{ field, problem }]);
  }
}
