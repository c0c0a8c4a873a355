import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import multipart from '@fastify/multipart';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@anslag/config';
import { ApiModule } from './api.module';
import { ShutdownDrain } from './health/shutdown-drain';
import { createRootLogger, logRequests, PinoNestLogger } from './logging';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Builds the HTTP application exactly as it runs in production; tests call this too. */
export async function createApiApp(opts: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
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
  if (opts.logger !== false) {
    const log = createRootLogger(app.get(AppConfig));
    app.useLogger(new PinoNestLogger(log));
    logRequests(app.getHttpAdapter().getInstance(), log);
  } else app.useLogger(false);
  const drain = app.get(ShutdownDrain);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
      if (drain.draining) reply.header('connection', 'close');
    });
  app.enableShutdownHooks();

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('anslag')
      .setDescription('Ärendehantering för regionala tillväxtmedel (1:1 Regionala tillväxtåtgärder)')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
