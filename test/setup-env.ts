// Runs in every end-to-end worker before the suites: quiet logs, UTC, the test database.
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
