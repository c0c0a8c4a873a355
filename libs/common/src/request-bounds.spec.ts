import { DomainError } from './domain-error';
import { databaseRefusal } from './http-exception.filter';
import { checkParsedValue, scanJsonText, textProblem } from './request-bounds';

describe('request bounds', () => {
  it('counts depth and members outside strings only', () => {
    expect(() => scanJsonText(`{"a":"${'['.repeat(100)}"}`)).not.toThrow();
    expect(() => scanJsonText(`{"a":"\\"${'{'.repeat(100)}"}`)).not.toThrow();
    expect(() => scanJsonText('['.repeat(25) + ']'.repeat(25))).toThrow(DomainError);
    expect(() => scanJsonText(`[${'1,'.repeat(10_001)}1]`)).toThrow(/för stort/);
  });

  it('names the field holding NUL, a lone surrogate or an unsafe number', () => {
    const field = (v: unknown) => {
      try {
        checkParsedValue(v);
      } catch (e) {
        return (e as DomainError).details[0].field;
      }
      return null;
    };
    expect(field({ a: { b: ['ok', 'x\u0000'] } })).toBe('a.b[1]');
    expect(field({ title: '\ud800' })).toBe('title');
    expect(field({ limit: 2 ** 53 + 2 })).toBe('limit');
    expect(field({ fine: 'åäö 😀', n: 9_007_199_254_740_991 })).toBeNull();
    expect(textProblem('\udc00x')).toMatch(/surrogat/);
  });
});

describe('database refusals in the error shape', () => {
  const refusal = (code: string, detail?: string, column?: string) =>
    databaseRefusal({ driverError: { code, detail, column } });

  it('maps foreign keys, not-null, deadlocks, serialisation failures and timeouts', () => {
    expect(
      refusal('23503', 'Key (organisation_id)=(x) is not present in table "organisation".'),
    ).toMatchObject({
      statusCode: 400,
      details: [{ field: 'organisationId', problem: 'finns inte' }],
    });
    expect(refusal('23503', 'Key (id)=(x) is still referenced from table "decision".')).toMatchObject({
      statusCode: 409,
    });
    expect(refusal('23502', undefined, 'signed_by')).toMatchObject({
      statusCode: 400,
      details: [{ field: 'signedBy' }],
    });
    expect(refusal('40P01')).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(refusal('40001')).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(refusal('55P03')).toMatchObject({ statusCode: 503 });
    expect(refusal('57014')).toMatchObject({ statusCode: 503 });
    expect(refusal('22021')).toMatchObject({ statusCode: 400 });
    expect(refusal('XX000')).toBeNull();
  });

  it('answers 503 when the server refuses a connection, which comes unwrapped', () => {
    const refused = (code: string) => Object.assign(new Error('refused'), { code, severity: 'FATAL' });
    // "sorry, too many clients already", "remaining connection slots are reserved …"
    expect(databaseRefusal(refused('53300'))).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    // "the database system is starting up" / "shutting down"
    expect(databaseRefusal(refused('57P03'))).toMatchObject({ statusCode: 503 });
    // A plain error with a code of its own is not the database's.
    expect(databaseRefusal(Object.assign(new Error('x'), { code: '53300' }))).toBeNull();
    expect(databaseRefusal(new Error('x'))).toBeNull();
  });
});
