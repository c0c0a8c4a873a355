export { createTestApp } from './test-app';
export { PrivateRedis } from './private-redis';
export { freePort, reservePort } from './ports';
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
  TEST_IDS,
  type TestUser,
} from './factories';
export { tableCounts, asOwner } from './db-state';
export { CaseFlow, type CaseFlowRoles } from './case-flow';
export { PrivateDatabase } from './private-database';
export { Browser, LocalIdp, localIdpEnv, signInThroughIdp, type SignInHops } from './local-idp';
export { twoInstances } from './two-instances';
export { CHROMIUM, CHROMIUM_ARGS } from './chromium';
