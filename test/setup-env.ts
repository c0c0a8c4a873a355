// Runs in every end-to-end worker before the suites: quiet logs, UTC, the test database.
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
// Supertest calls from loopback; tests set X-Forwarded-For to count login attempts per address apart.
process.env.TRUST_PROXY = 'loopback';
