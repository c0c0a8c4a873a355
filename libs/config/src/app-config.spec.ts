import { appDatabaseUrl, ConfigError, loadConfig, queuePrefix, secretProblem } from './app-config';

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

  const strong = 'q3V8f+Zr0L1m2N9sT4uW6yB5cD7eH8jK/Pa1Qx2Rz3S4';

  it('requires a JWT secret in production and wherever the api listens beyond loopback', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/JWT_SECRET.*HOST/);
    expect(() => loadConfig({ NODE_ENV: 'test', HOST: '192.168.1.10' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong }).JWT_SECRET).toBe(strong);
    expect(loadConfig({ HOST: '0.0.0.0', JWT_SECRET: strong }).HOST).toBe('0.0.0.0');
  });

  it('gives a process on loopback a random secret of its own, never a published one', () => {
    const a = loadConfig({}).JWT_SECRET!;
    const b = loadConfig({ HOST: '::1' }).JWT_SECRET!;
    expect(a).not.toBe(b);
    expect(a).not.toBe('development-only-secret-not-for-production-use');
    expect(secretProblem(a)).toBeNull();
  });

  it('refuses the published development secret and low-entropy secrets at start', () => {
    for (const weak of [
      'development-only-secret-not-for-production-use',
      'a'.repeat(32),
      'abababababababababababababababab',
      'passwordpasswordpasswordpassword',
      'x'.repeat(64),
    ]) {
      expect(() => loadConfig({ JWT_SECRET: weak })).toThrow(/JWT_SECRET/);
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: weak })).toThrow(/JWT_SECRET/);
    }
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET.*32/);
  });

  it('connects the api as the role that owns nothing unless told otherwise', () => {
    expect(appDatabaseUrl(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }))).toBe(
      'postgres://anslag_app@127.0.0.1:5432/x',
    );
    const given = 'postgres://app:pw@db.example:5432/anslag';
    expect(appDatabaseUrl(loadConfig({ DATABASE_APP_URL: given }))).toBe(given);
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
