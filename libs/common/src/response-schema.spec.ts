import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import Fastify from 'fastify';
import { responseSchema } from './response-schema';

class PersonView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
}

class RowView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ enum: ['a', 'b'] }) kind: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: 'integer' }) days: number;
  @ApiProperty() done: boolean;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: PersonView, nullable: true }) person: PersonView | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) optional?: number | null;
}

class PageView {
  @ApiProperty({ type: [RowView] }) items: RowView[];
  @ApiProperty() total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts: Record<string, number>;
}

/** What Fastify sends for `value` with the schema as the route's 200 response. */
async function sent(value: unknown): Promise<string> {
  const app = Fastify();
  app.get('/', { schema: { response: { 200: responseSchema(PageView) } } }, async () => value);
  const res = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return res.body;
}

describe('responseSchema', () => {
  it('types the properties the OpenAPI decorators name, nested DTOs item by item', () => {
    const schema = responseSchema(PageView) as {
      properties: { items: { items: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(schema.properties)).toEqual(['items', 'total', 'counts']);
    expect(schema.properties.items.items.properties).toEqual({
      id: { type: ['string', 'null'] },
      name: { type: ['string', 'null'] },
      kind: { type: ['string', 'null'] },
      amount: { type: ['number', 'null'] },
      days: { type: ['number', 'null'] },
      done: { type: ['boolean', 'null'] },
      tags: { type: ['array', 'null'], items: { type: ['string', 'null'] } },
      person: {},
      optional: { type: ['number', 'null'] },
    });
  });

  it('gives the text JSON.stringify gives: nulls, missing and extra properties, escapes, fractions', async () => {
    const full = {
      id: 'a1',
      name: 'Ärende "7" \\ \n\t\u0001 ✓ \ud800',
      kind: 'a',
      amount: 12.5,
      days: 3.25,
      done: false,
      tags: ['x', 'y'],
      person: { id: 'p', title: null, extra: { deep: [1, null] }, gone: undefined },
      optional: 0,
      notDeclared: { any: 'thing' },
    };
    const empty = {
      id: 'a2',
      name: null,
      kind: 'b',
      amount: null,
      days: 0,
      done: true,
      tags: [],
      person: null,
      optional: undefined,
    };
    for (const value of [
      { items: [full, empty, null], total: 3, counts: { a: 1, b: 0 } },
      { items: [], total: 0, counts: {} },
    ])
      expect(await sent(value)).toBe(JSON.stringify(value));
  });
});
