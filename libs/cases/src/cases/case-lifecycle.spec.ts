import { Role } from '@anslag/auth';
import { checkTransition } from './case-lifecycle';

describe('case life cycle', () => {
  it('lets the applicant submit a draft', () => {
    expect(checkTransition('skicka_in', 'utkast', [Role.sokande])).toEqual({ ok: true, to: 'inskickad' });
  });

  it('refuses a transition from the wrong state', () => {
    expect(checkTransition('skicka_in', 'inskickad', [Role.sokande])).toEqual({
      ok: false,
      problem: 'state',
    });
    expect(checkTransition('aterkalla', 'beslutad', [Role.sokande])).toEqual({ ok: false, problem: 'state' });
    expect(checkTransition('lamna_komplettering', 'under_handlaggning', [Role.sokande])).toEqual({
      ok: false,
      problem: 'state',
    });
  });

  it('refuses a role that may not make the transition', () => {
    expect(checkTransition('paborja_handlaggning', 'inskickad', [Role.sokande])).toEqual({
      ok: false,
      problem: 'role',
    });
    expect(checkTransition('aterkalla', 'utkast', [Role.handlaggare])).toEqual({
      ok: false,
      problem: 'role',
    });
  });

  it('requires a reason when asking for completion', () => {
    expect(checkTransition('begar_komplettering', 'under_handlaggning', [Role.handlaggare], ' ')).toEqual({
      ok: false,
      problem: 'reason',
    });
    expect(
      checkTransition('begar_komplettering', 'under_handlaggning', [Role.handlaggare], 'Budget saknas'),
    ).toEqual({
      ok: true,
      to: 'komplettering_begard',
    });
  });
});
