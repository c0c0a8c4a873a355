import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@anslag/config';
import { WorkerModule } from './worker.module';

const HEARTBEAT_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM: the letter worker finishes the letters in hand, the outbox relay its batch, then exit.
  app.enableShutdownHooks();
  await app.init();
  const file = config.WORKER_HEARTBEAT_FILE;
  if (file) {
    // For a container health check: the file's age tells that the event loop still turns.
    const beat = () => writeFile(file, new Date().toISOString()).catch(() => undefined);
    await beat();
    setInterval(beat, HEARTBEAT_MS).unref();
  }
  app.get(Logger).log('worker started');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
