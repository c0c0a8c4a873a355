import { Role } from '@anslag/auth';
import { parseGroupRoles, rolesFromGroups } from './sign-in.service';

describe('roles from the staff provider groups', () => {
  const mapping = parseGroupRoles(
    'rut-hl=handlaggare, rut-chef=beslutsfattare,rut-chef=handlaggare,x=sokande',
  );

  it('maps each configured group to its roles, and nothing else', () => {
    expect(rolesFromGroups(['rut-chef', 'alla'], mapping)).toEqual([Role.beslutsfattare, Role.handlaggare]);
    expect(rolesFromGroups(['rut-hl', 'rut-hl'], mapping)).toEqual([Role.handlaggare]);
    expect(rolesFromGroups('rut-hl', mapping)).toEqual([Role.handlaggare]);
  });

  it('never gives the applicant role or anything for unknown shapes', () => {
    expect(rolesFromGroups(['x'], mapping)).toEqual([]);
    expect(rolesFromGroups(undefined, mapping)).toEqual([]);
    expect(rolesFromGroups([{ name: 'rut-hl' }], mapping)).toEqual([]);
  });
});
