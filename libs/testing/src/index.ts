export { createTestApp } from './test-app';
