import { Global, Module } from '@nestjs/common';
import { AuthModule, Representation, SessionResolver } from '@anslag/auth';
import { MandateService } from './mandates/mandate.service';
import { MandatesController } from './mandates/mandates.controller';
import { OrganisationEventsService } from './mandates/organisation-events.service';
import { RepresentationService } from './mandates/representation.service';
import { OidcClientService } from './oidc/oidc-client.service';
import { SignInService } from './oidc/sign-in.service';
import { BrowserAuthController } from './sessions/browser-auth.controller';
import { SessionService } from './sessions/session.service';
import { StaffAdminController } from './staff/staff-admin.controller';
import { StaffAdminService } from './staff/staff-admin.service';

/**
 * Sign-in (OpenID Connect, browser sessions), mandates to act for organisations, staff administration.
 * Global so that the guard finds the sessions and the case code finds the representation port.
 */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [BrowserAuthController, MandatesController, StaffAdminController],
  providers: [
    OidcClientService,
    SignInService,
    SessionService,
    { provide: SessionResolver, useExisting: SessionService },
    OrganisationEventsService,
    RepresentationService,
    { provide: Representation, useExisting: RepresentationService },
    MandateService,
    StaffAdminService,
  ],
  exports: [SessionResolver, Representation],
})
export class IdentityModule {}
