export { createTestApp } from './test-app';
export { PrivateRedis, freePort } from './private-redis';
export {
  createOrganisation,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  mindLikeProject,
  randomOrganisationsnummer,
  type TestUser,
} from './factories';
export { tableCounts } from './db-state';
export { usePrivateDatabase } from './private-database';
