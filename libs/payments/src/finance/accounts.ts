import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import type { PayoutAccount } from '../entities/payment-request.entity';

/** Mod-10 (Luhn) check over all digits, as bankgiro and plusgiro numbers carry it. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Checks a payee's account and returns it in the form the payment file carries, or the problem in
 * Swedish. Bankgiro: 7 or 8 digits (written NNN-NNNN or NNNN-NNNN); plusgiro: 2–8 digits; both with a
 * mod-10 check digit. IBAN: checked with its country's length and check digits; a BIC, when given, too.
 */
export function normaliseAccount(a: PayoutAccount): { account: PayoutAccount } | { problem: string } {
  if (a.type === 'bankgiro' || a.type === 'plusgiro') {
    if (!/^[0-9 -]+$/.test(a.number))
      return { problem: `${a.type} får bara innehålla siffror och bindestreck` };
    const digits = a.number.replace(/[ -]/g, '');
    const ok = a.type === 'bankgiro' ? /^\d{7,8}$/.test(digits) : /^\d{2,8}$/.test(digits);
    if (!ok)
      return {
        problem:
          a.type === 'bankgiro' ? 'bankgironummer har 7 eller 8 siffror' : 'plusgironummer har 2–8 siffror',
      };
    if (!luhn(digits))
      return {
        problem: `${a.type === 'bankgiro' ? 'bankgironumret' : 'plusgironumret'} har fel kontrollsiffra`,
      };
    return { account: { type: a.type, number: digits, bic: null } };
  }
  const iban = electronicFormatIBAN(a.number) ?? '';
  if (!isValidIBAN(iban)) return { problem: 'IBAN-numret är inte giltigt' };
  const bic = a.bic ? a.bic.replace(/\s/g, '').toUpperCase() : null;
  if (bic && !isValidBIC(bic)) return { problem: 'BIC är inte giltig' };
  return { account: { type: 'iban', number: iban, bic } };
}
