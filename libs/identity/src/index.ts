export { IdentityModule } from './identity.module';
export { Mandate, type MandateKind, type MandateStatus } from './entities/mandate.entity';
export { AccountChange } from './entities/account-change.entity';
export { Session } from './entities/session.entity';
export { normalisePersonnummer, soleTraderNumber } from './mandates/personnummer';
export { parseGroupRoles, rolesFromGroups } from './oidc/sign-in.service';
export { RepresentationService } from './mandates/representation.service';
export { OrganisationEventsService } from './mandates/organisation-events.service';
