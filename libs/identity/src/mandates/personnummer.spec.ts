import { normalisePersonnummer, soleTraderNumber } from './personnummer';

describe('personnummer', () => {
  it('normalises to twelve digits and refuses a bad check digit', () => {
    expect(normalisePersonnummer('19811218-9876')).toBe('198112189876');
    expect(normalisePersonnummer('811218-9876')).toBe('198112189876');
    expect(normalisePersonnummer('19811218-9875')).toBeNull();
    expect(normalisePersonnummer(198112189876)).toBeNull();
    expect(normalisePersonnummer('abc')).toBeNull();
  });

  it('gives the sole trader organisationsnummer', () => {
    expect(soleTraderNumber('198112189876')).toBe('811218-9876');
  });
});
