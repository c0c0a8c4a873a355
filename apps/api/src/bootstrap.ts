import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { buildOpenApiDocument } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Builds the HTTP application exactly as it runs in production; tests call this too. */
export async function createApiApp(
  opts: { logger?: boolean; webRoot?: string | null } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 25 * 1024 * 1024,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      (req as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  await app.register(multipart as never, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) await serveWebApp(app, webRoot);
  return app;
}

/** The OpenAPI document of the routes, as served at /api/docs-json and written for the browser app's client. */
export function openApiDocument(app: INestApplication) {
  return buildOpenApiDocument(app);
}

/** dist/web beside the compiled code (dist/apps/api/src) or, from the sources, in the project's dist/. */
function defaultWebRoot(): string {
  const up = resolve(__dirname, '..', '..', '..');
  return basename(up) === 'dist' ? join(up, 'web') : join(up, 'dist', 'web');
}

/**
 * The browser application (apps/web, built by Vite) at `/`. Its files are served as they are, hashed
 * assets cached for a year; any other GET that is not the API's and asks for HTML gets index.html, so
 * that deep links and the back button work (the app's router draws the page).
 */
async function serveWebApp(app: NestFastifyApplication, root: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic as never, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply: { header(name: string, value: string): void }, path: string) => {
      reply.header(
        'cache-control',
        path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    const html = (request.headers.accept ?? '').includes('text/html');
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/health') || !html)
      return reply.callNotFound();
    return reply.sendFile('index.html');
  });
  fastify.get('/', (_request, reply) => reply.sendFile('index.html'));
}
