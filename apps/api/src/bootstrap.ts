import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { checkParsedValue, checkRequestTexts, REQUEST_BOUNDS, scanJsonText } from '@anslag/common';
import { AppConfig, loadConfig } from '@anslag/config';
import { ApiModule } from './api.module';
import { ShutdownDrain } from './health/shutdown-drain';
import { createRootLogger, logRequests, PinoNestLogger } from './logging';
import { buildOpenApiDocument } from './openapi';

/** A caller's X-Request-Id is kept only when it is a plain token (a UUID or similar); else a new UUID. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;

/** Builds the HTTP application exactly as it runs in production; tests call this too. */
export async function createApiApp(
  opts: { logger?: boolean; webRoot?: string | null } = {},
): Promise<NestFastifyApplication> {
  const { TRUST_PROXY } = loadConfig();
  const adapter = new FastifyAdapter({
    // No Nest middleware (Express-style, through @fastify/middie) anywhere: every per-request step is a
    // Fastify hook, and middie's pass over each request is left out.
    skipMiddie: true,
    bodyLimit: REQUEST_BOUNDS.bodyBytes,
    // Behind a load balancer, the client's address (login limits per address) is the forwarded one.
    trustProxy: TRUST_PROXY ?? false,
    // Errors of Fastify's router (a malformed URL, a path segment over its 100-character limit) answer
    // in the one error shape too; they never reach Nest's filter.
    frameworkErrors: (error: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
      const statusCode = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      void reply
        .code(statusCode)
        .header('x-request-id', request.id)
        .header('content-type', 'application/json; charset=utf-8')
        .send({
          statusCode,
          code: 'MALFORMED_REQUEST',
          message: 'Ogiltig adress i begäran',
          details: [{ field: 'path', problem: 'för lång eller felaktigt kodad' }],
          requestId: request.id,
        });
    },
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
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  boundRequests(app, fastify);
  // Before the cookie plugin's hook: the liveness probe is answered without parsing cookies.
  securityHeaders(fastify);
  answerLiveness(fastify);
  await app.register(cookie as never);
  await app.register(multipart as never, {
    // files: 1 refuses a second file (413) rather than dropping it; see AttachmentsService.
    limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10, parts: 11 },
  });
  if (opts.logger !== false) {
    const log = createRootLogger(app.get(AppConfig));
    app.useLogger(new PinoNestLogger(log));
    logRequests(fastify, log);
  } else app.useLogger(false);
  const drain = app.get(ShutdownDrain);
  // A callback, not an async function: no promise per answer.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    if (drain.draining) reply.header('connection', 'close');
    // Answers of the api are personal or official data: never kept by a browser or a shared cache.
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) await serveWebApp(app, webRoot);
  return app;
}

/** The security headers of every answer (helmet's, with this policy). */
const HELMET: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    // The browser app is built files served from this origin: scripts, styles and fonts of our own,
    // no inline script, no framing, no plugins.
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      fontSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
};

/**
 * Helmet's headers, worked out once: with no nonces they depend on no request. (@fastify/helmet made
 * helmet's middleware anew, parsing the policy, for every request: a tenth of a light request's CPU.)
 * They are set in an onRequest hook on the response as helmet sets them, so every answer carries them,
 * errors and static files included.
 */
function securityHeaders(fastify: FastifyInstance): void {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  helmet(HELMET)({} as IncomingMessage, recorder as never, (err?: unknown) => {
    if (err) throw err;
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
}

const LIVE = JSON.stringify({ status: 'ok' });

/**
 * GET /health/live answered from a hook: the process answers, nothing more (no guard, no Nest routing).
 * HealthController.live states the route in the OpenAPI document and answers HEAD. Registered after
 * the security headers' hook and before the cookie plugin's; the onSend hooks (request id, draining)
 * still run. The answer is written as text (no serializer).
 */
function answerLiveness(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'GET' && request.routeOptions.url === '/health/live') {
      void reply.type('application/json; charset=utf-8').send(LIVE);
      return;
    }
    done();
  });
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

/**
 * Body and text bounds, applied before any validation: per-route body limits (@BodyLimit), JSON that is
 * scanned for depth and size before it is parsed, and query strings and path parameters without NUL
 * bytes or broken Unicode. Everything refused here answers in the one error shape.
 */
function boundRequests(app: NestFastifyApplication, fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit;
    if (limit) route.bodyLimit = limit;
  });
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: REQUEST_BOUNDS.bodyBytes }, (req, body, done) => {
    const text = body.toString('utf8');
    try {
      scanJsonText(text);
    } catch (err) {
      done(err as Error, undefined);
      return;
    }
    parseJson(req as never, text, (err, value) => {
      if (err) return done(err, undefined);
      try {
        checkParsedValue(value);
      } catch (e) {
        return done(e as Error, undefined);
      }
      done(null, value);
    });
  });
  fastify.addHook('preValidation', async (request) => {
    checkRequestTexts(request.query);
    checkRequestTexts(request.params, 200);
  });
}
