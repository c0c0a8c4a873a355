export { createTestApp } from './test-app';
export { PrivateRedis, freePort } from './private-redis';
export {
  createOrganisation,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  mindLikeProject,
  randomOrganisationsnummer,
  randomPersonnummer,
  verifyMandates,
  LOA3,
  type TestUser,
} from './factories';
export { tableCounts } from './db-state';
export { Browser, LocalIdp, signInThroughIdp, type SignInHops } from './local-idp';
