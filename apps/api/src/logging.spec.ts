import { Logger } from '@nestjs/common';
import { QueryLogger } from '@anslag/database';
import { redactQuery } from './logging';

describe('logs without personal data', () => {
  it('keeps the names of query-string parameters and drops their values', () => {
    expect(redactQuery('/api/cases?organisation=556016-0680&page=2')).toBe(
      '/api/cases?organisation=…&page=…',
    );
    expect(redactQuery('/api/cases')).toBe('/api/cases');
    expect(redactQuery('/api/cases?q')).toBe('/api/cases?q=…');
  });

  it('logs a failed query with its SQL and message, never its parameters', () => {
    const lines: unknown[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args);
    });
    try {
      new QueryLogger(true).logQueryError(
        Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
        'INSERT INTO organisation (organisationsnummer) VALUES ($1)',
        ['19121212-1212', Buffer.from('bilagans bytes')],
      );
    } finally {
      spy.mockRestore();
    }
    const text = JSON.stringify(lines);
    expect(text).toContain('INSERT INTO organisation');
    expect(text).toContain('23505');
    expect(text).not.toContain('19121212');
    expect(text).not.toContain('bilagans');
  });
});
