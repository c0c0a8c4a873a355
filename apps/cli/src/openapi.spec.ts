import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiJson, sortKeys } from './openapi';

const root = join(__dirname, '..', '..', '..');
const committed = (name: string) => readFileSync(join(root, 'apps', 'web', 'src', 'api', name), 'utf8');

describe('the browser app’s generated API client', () => {
  jest.setTimeout(60_000);

  it('is generated from the API as it is now (run `npm run openapi` after changing a route or DTO)', async () => {
    const fresh = await buildOpenApiJson();
    expect(committed('openapi.json')).toBe(fresh);

    const dir = mkdtempSync(join(tmpdir(), 'anslag-openapi-'));
    writeFileSync(join(dir, 'openapi.json'), fresh);
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
        join(dir, 'openapi.json'),
        '-o',
        join(dir, 'schema.d.ts'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(committed('schema.d.ts')).toBe(readFileSync(join(dir, 'schema.d.ts'), 'utf8'));
  });

  it('writes keys in a stable order', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 0 } }))).toBe(
      '{"a":{"c":0,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});
