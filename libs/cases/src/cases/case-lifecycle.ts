import { Role } from '@anslag/auth';
import type { CaseStatus } from '../entities/grant-case.entity';

/** The transitions a person may ask for through the API ("beslutad" is set only by signing a decision). */
export type TransitionName =
  | 'skicka_in'
  | 'paborja_handlaggning'
  | 'begar_komplettering'
  | 'lamna_komplettering'
  | 'ateruppta_handlaggning'
  | 'aterkalla';

interface Transition {
  from: CaseStatus[];
  to: CaseStatus;
  roles: Role[];
  reasonRequired: boolean;
}

export const TRANSITIONS: Record<TransitionName, Transition> = {
  skicka_in: {
    from: ['utkast'],
    to: 'inskickad',
    roles: [Role.sokande, Role.handlaggare],
    reasonRequired: false,
  },
  paborja_handlaggning: {
    from: ['inskickad'],
    to: 'under_handlaggning',
    roles: [Role.handlaggare],
    reasonRequired: false,
  },
  begar_komplettering: {
    from: ['under_handlaggning', 'komplettering_inkommen'],
    to: 'komplettering_begard',
    roles: [Role.handlaggare],
    reasonRequired: true,
  },
  lamna_komplettering: {
    from: ['komplettering_begard'],
    to: 'komplettering_inkommen',
    roles: [Role.sokande, Role.handlaggare],
    reasonRequired: false,
  },
  ateruppta_handlaggning: {
    from: ['komplettering_inkommen'],
    to: 'under_handlaggning',
    roles: [Role.handlaggare],
    reasonRequired: false,
  },
  aterkalla: {
    from: ['utkast', 'inskickad', 'under_handlaggning', 'komplettering_begard', 'komplettering_inkommen'],
    to: 'aterkallad',
    roles: [Role.sokande],
    reasonRequired: false,
  },
};

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** Statuses in which the applicant may still change the application. */
export const APPLICANT_EDITABLE: CaseStatus[] = ['utkast', 'komplettering_begard'];
/** Statuses in which an officer may correct the registered application. */
export const OFFICER_EDITABLE: CaseStatus[] = [
  'utkast',
  'inskickad',
  'under_handlaggning',
  'komplettering_begard',
  'komplettering_inkommen',
];
/** Statuses from which a decision may be taken. */
export const DECIDABLE: CaseStatus[] = ['under_handlaggning', 'komplettering_inkommen'];

export type TransitionCheck =
  { ok: true; to: CaseStatus } | { ok: false; problem: 'role' | 'state' | 'reason' };

export function checkTransition(
  name: TransitionName,
  from: CaseStatus,
  roles: Role[],
  reason?: string,
): TransitionCheck {
  const t = TRANSITIONS[name];
  if (!t.roles.some((r) => roles.includes(r))) return { ok: false, problem: 'role' };
  if (!t.from.includes(from)) return { ok: false, problem: 'state' };
  if (t.reasonRequired && !reason?.trim()) return { ok: false, problem: 'reason' };
  return { ok: true, to: t.to };
}
