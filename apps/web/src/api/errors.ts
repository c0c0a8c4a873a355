/** The API's one error shape for every 4xx and 5xx. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; problem: string }[];
  requestId?: string;
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

/** Throws the API's error as an ApiError so that TanStack Query and forms can show it. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError({
      statusCode: body.statusCode ?? result.response.status,
      code: body.code ?? 'UNKNOWN',
      message: body.message ?? result.response.statusText,
      details: body.details ?? [],
      requestId: body.requestId,
    });
  }
  return result.data as T;
}

/**
 * The id of the input that shows a field the API named: `costLines[2].amount` → `costLines-2-amount`,
 * `budget.costs` → `budget-costs`.
 */
export function fieldId(field: string): string {
  return field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

export interface FieldError {
  id: string;
  field: string;
  message: string;
}

/** Each problem the API reported, tied to the input that shows its field. */
export function toFieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return (error.body.details ?? []).map((d) => ({
    id: fieldId(d.field),
    field: d.field,
    message: d.problem.charAt(0).toUpperCase() + d.problem.slice(1),
  }));
}
