import type { EntityManager } from 'typeorm';
import type { Principal } from './principal';

/** A browser session found by its cookie: who it is, and the token that state-changing requests echo. */
export interface ResolvedSession {
  principal: Principal;
  csrfToken: string;
}

/**
 * Looks up a browser session (libs/identity implements it). The guard calls it on every request that
 * comes with the session cookie, so an ended session or a deactivated account is refused at once.
 */
export abstract class SessionResolver {
  abstract resolve(cookieValue: string): Promise<ResolvedSession | null>;
}

/** What a person acting for an organisation did it with, recorded with the act. */
export interface MandateUsed {
  mandateId: string | null;
  kind: string;
  acr: string | null;
}

/**
 * Who may act for which organisation (libs/identity implements it with mandates). The case code asks
 * through this port so that it never reads mandates itself.
 */
export abstract class Representation {
  /** Organisations the applicant may see and draft for (verified or not). */
  abstract organisationsOf(p: Principal, em?: EntityManager): Promise<string[]>;
  /** The first person to register an organisation becomes an unverified representative (or its sole trader). */
  abstract registered(p: Principal, organisationId: string, em: EntityManager): Promise<void>;
  /** Throws unless the person holds a valid mandate at the required assurance level for the act. */
  abstract assertMayAct(
    p: Principal,
    organisationId: string,
    act: string,
    em: EntityManager,
  ): Promise<MandateUsed>;
}
