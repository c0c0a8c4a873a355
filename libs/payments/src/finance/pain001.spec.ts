import { normaliseAccount } from './accounts';
import { buildPain001 } from './pain001';
import { validatePain001 } from './schema';

const payer = {
  name: 'Regionen',
  organisationsnummer: '232100-0164',
  iban: 'SE4550000000058398257466',
  bic: 'ESSESESS',
};

describe('pain.001', () => {
  it('builds a file the published schema accepts, with giro and IBAN payees', async () => {
    const xml = buildPain001({
      messageId: 'ANSLAG-20200115-0001',
      createdAt: new Date('2020-01-15T10:00:00Z'),
      executionDate: '2020-01-17',
      payer,
      transfers: [
        {
          endToEndId: 'p-1',
          amountKronor: 180_000,
          payeeName: 'Alfred Nobel Science Park AB',
          payeeOrganisationsnummer: '556651-2349',
          account: { type: 'bankgiro', number: '56780000' },
          remittance: '19RS9282 delutbetalning 1',
        },
        {
          endToEndId: 'p-2',
          amountKronor: 30_000,
          payeeName: 'Kafé & Co "Ö" <AB>',
          payeeOrganisationsnummer: '556000-0001',
          account: { type: 'iban', number: 'SE4550000000058398257466', bic: 'ESSESESS' },
          remittance: '19RS8586 slututbetalning',
        },
      ],
    });
    expect(await validatePain001(xml)).toEqual([]);
    expect(xml).toContain('<CtrlSum>210000.00</CtrlSum>');
    expect(xml).toContain('<Prtry>BGNR</Prtry>');
    expect(xml).toContain('&amp; Co "Ö" &lt;AB&gt;');
  });

  it('is refused by the schema when broken, so the check can fail', async () => {
    const xml = buildPain001({
      messageId: 'X',
      createdAt: new Date('2020-01-15T10:00:00Z'),
      executionDate: '2020-01-17',
      payer: { ...payer, bic: 'not a bic' },
      transfers: [
        {
          endToEndId: 'p-1',
          amountKronor: 1,
          payeeName: 'A',
          payeeOrganisationsnummer: '5560000001',
          account: { type: 'bankgiro', number: '56780000' },
          remittance: 'r',
        },
      ],
    });
    const errors = await validatePain001(xml);
    expect(errors.join('\n')).toMatch(/BIC/);
  });
});

describe('normaliseAccount', () => {
  it('accepts bankgiro and plusgiro with a right check digit, and refuses a wrong one', () => {
    expect(normaliseAccount({ type: 'bankgiro', number: '5678-0000' })).toEqual({
      account: { type: 'bankgiro', number: '56780000', bic: null },
    });
    expect(normaliseAccount({ type: 'bankgiro', number: '5678-0001' })).toEqual({
      problem: 'bankgironumret har fel kontrollsiffra',
    });
    expect(normaliseAccount({ type: 'bankgiro', number: '123-45' })).toEqual({
      problem: 'bankgironummer har 7 eller 8 siffror',
    });
    expect(normaliseAccount({ type: 'plusgiro', number: '90 20 03-3' })).toEqual({
      account: { type: 'plusgiro', number: '9020033', bic: null },
    });
  });

  it('checks an IBAN and its BIC', () => {
    expect(
      normaliseAccount({ type: 'iban', number: 'SE45 5000 0000 0583 9825 7466', bic: 'esse se ss' }),
    ).toEqual({
      account: { type: 'iban', number: 'SE4550000000058398257466', bic: 'ESSESESS' },
    });
    expect(normaliseAccount({ type: 'iban', number: 'SE4550000000058398257467' })).toEqual({
      problem: 'IBAN-numret är inte giltigt',
    });
  });
});
