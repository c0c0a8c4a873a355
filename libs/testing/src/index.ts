export { createTestApp } from './test-app';
export { PrivateRedis, freePort } from './private-redis';
