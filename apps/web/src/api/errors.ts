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

/**
 * Each problem the API reported, tied to the input that shows its field. Where the form names the
 * field (`labels`, by input id), the message says which field it is about: "Kostnader: saknas".
 */
export function toFieldErrors(error: unknown, labels: Record<string, string> = {}): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.body.details ?? [];
  if (!details.length && error.body.statusCode < 500)
    return [{ id: '', field: '', message: error.body.message }];
  return details.map((d) => {
    const id = fieldId(d.field);
    const label = labels[id];
    return { id, field: d.field, message: label ? `${label}: ${d.problem}` : capitalise(d.problem) };
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
