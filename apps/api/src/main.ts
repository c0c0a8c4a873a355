import 'reflect-metadata';
import { loadConfig } from '@anslag/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig(); // fails here, with the variable named, before anything starts
  const app = await createApiApp();
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
