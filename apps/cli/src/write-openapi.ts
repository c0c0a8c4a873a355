import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from '../../api/src/api.module';
import { buildOpenApiDocument, sortKeys } from '../../api/src/openapi';

/**
 * Writes the OpenAPI document, keys sorted, without a database, Redis or a listening port: the
 * module graph is built in preview mode (no provider is instantiated), which is all the document needs.
 */
export async function writeOpenApi(target: string): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  const doc = buildOpenApiDocument(app);
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(sortKeys(doc), null, 2)}\n`);
  return file;
}

if (require.main === module) {
  writeOpenApi(process.argv[2] ?? 'apps/web/src/api/openapi.json')
    .then((file) => {
      console.log(`OpenAPI skrivet till ${file}`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
