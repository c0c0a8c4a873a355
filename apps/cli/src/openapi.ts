import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from '../../api/src/api.module';
import { openApiDocument } from '../../api/src/bootstrap';

/** Keys sorted at every level, so that the written document changes only when the API does. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * The API's OpenAPI document as the browser app's client is generated from, built without a database,
 * Redis or a listening socket: Nest's preview mode reads the routes' metadata without running providers.
 */
export async function buildOpenApiJson(): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return `${JSON.stringify(sortKeys(openApiDocument(app)), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
