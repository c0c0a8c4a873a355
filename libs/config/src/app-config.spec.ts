import { ConfigError, loadConfig, queuePrefix } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/anslag');
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.PORT).toBe(3000);
  });

  it('reads and converts values from the environment', () => {
    const c = loadConfig({ PORT: '8080', REDIS_URL: 'redis://cache:6380' });
    expect(c.PORT).toBe(8080);
    expect(c.REDIS_URL).toBe('redis://cache:6380');
  });

  it('names the malformed variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT="?abc"?/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL.*postgres/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
  });

  it('derives the queue prefix from the database unless one is set', () => {
    const a = queuePrefix(loadConfig({ DATABASE_URL: 'postgres://u:secret@db.example:5433/region_a' }));
    const b = queuePrefix(loadConfig({ DATABASE_URL: 'postgres://u@db.example:5433/region_b' }));
    expect(a).toBe('anslag:db.example:5433:region_a');
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(queuePrefix(loadConfig({ QUEUE_PREFIX: 'staging' }))).toBe('staging');
    expect(() => loadConfig({ QUEUE_PREFIX: 'bad prefix!' })).toThrow(/QUEUE_PREFIX/);
  });
});
