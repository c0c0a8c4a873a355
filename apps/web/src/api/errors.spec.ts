import { ApiError, fieldId, toFieldErrors, unwrap } from './errors';

describe('the API’s problems at their fields', () => {
  it('maps the API’s field paths to input ids', () => {
    expect(fieldId('costLines[2].amount')).toBe('costLines-2-amount');
    expect(fieldId('budget.costs')).toBe('budget-costs');
    expect(fieldId('content.aidForms.mikrobidrag.maxShareBp')).toBe(
      'content-aidForms-mikrobidrag-maxShareBp',
    );
    expect(fieldId('plannedStart')).toBe('plannedStart');
  });

  it('names the field in the message where the form knows its name', () => {
    const e = new ApiError({
      statusCode: 409,
      code: 'CASE_NOT_SUBMITTABLE',
      message: 'Ansökan är inte komplett',
      details: [
        { field: 'plannedStart', problem: 'saknas' },
        { field: 'costLines[0].amount', problem: 'belopp ska vara hela kronor' },
      ],
    });
    expect(toFieldErrors(e, { plannedStart: 'Startdatum' })).toEqual([
      { id: 'plannedStart', field: 'plannedStart', message: 'Startdatum: saknas' },
      { id: 'costLines-0-amount', field: 'costLines[0].amount', message: 'Belopp ska vara hela kronor' },
    ]);
  });

  it('shows a refusal without fields as one unlinked message, and nothing for other errors', () => {
    const e = new ApiError({ statusCode: 403, code: 'FORBIDDEN', message: 'Åtkomst nekad', details: [] });
    expect(toFieldErrors(e)).toEqual([{ id: '', field: '', message: 'Åtkomst nekad' }]);
    expect(toFieldErrors(new Error('nätverket'))).toEqual([]);
  });

  it('throws the API’s error body as an ApiError', () => {
    const response = new Response(null, { status: 400, statusText: 'Bad Request' });
    expect(() =>
      unwrap({
        error: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Ogiltigt', details: [] },
        response,
      }),
    ).toThrow(ApiError);
    expect(unwrap({ data: { ok: 1 }, response: new Response('{}', { status: 200 }) })).toEqual({ ok: 1 });
  });
});
