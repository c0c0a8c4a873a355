import { normaliseOrganisationsnummer } from './organisationsnummer';

describe('organisationsnummer', () => {
  it('accepts and normalises a valid number', () => {
    expect(normaliseOrganisationsnummer('5560160680')).toBe('556016-0680');
    expect(normaliseOrganisationsnummer('556016-0680')).toBe('556016-0680');
    expect(normaliseOrganisationsnummer('232100-0164')).toBe('232100-0164'); // a region
  });

  it('refuses a bad check digit or a wrong length', () => {
    expect(normaliseOrganisationsnummer('556016-0681')).toBeNull();
    expect(normaliseOrganisationsnummer('55601606')).toBeNull();
    expect(normaliseOrganisationsnummer('abcdefghij')).toBeNull();
  });
});
