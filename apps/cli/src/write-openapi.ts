import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiJson } from './openapi';

/** `npm run openapi`: writes apps/web/src/api/openapi.json and regenerates schema.d.ts from it. */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..', '..');
  const dir = join(root, 'apps', 'web', 'src', 'api');
  writeFileSync(join(dir, 'openapi.json'), await buildOpenApiJson());
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
      join(dir, 'openapi.json'),
      '-o',
      join(dir, 'schema.d.ts'),
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log('apps/web/src/api/openapi.json och schema.d.ts skrivna.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
