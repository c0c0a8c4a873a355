import { create } from 'xmlbuilder2';
import type { PayoutAccount } from '../entities/payment-request.entity';

/** The region as payer: from its settings (data), never from code. */
export interface Payer {
  name: string;
  organisationsnummer: string;
  /** The region's account: IBAN with its bank's BIC. */
  iban: string;
  bic: string;
}

export interface CreditTransfer {
  /** Unique per payment; also the end-to-end id the bank returns. */
  endToEndId: string;
  amountKronor: number;
  payeeName: string;
  payeeOrganisationsnummer: string;
  account: PayoutAccount;
  /** Remittance text the payee sees (dnr and what the payment is for). */
  remittance: string;
}

export interface Pain001Input {
  messageId: string;
  createdAt: Date;
  executionDate: string;
  payer: Payer;
  transfers: readonly CreditTransfer[];
}

const NS = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
/** ISO 20022 text fields are bounded; cut, never fail, for free text such as names. */
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s) || '-';
const amount = (kronor: number) => `${kronor}.00`;

/**
 * An ISO 20022 customer credit transfer initiation (pain.001.001.03) for a batch of payments in SEK:
 * one payment information block, one transaction per payment. Swedish giro accounts go as proprietary
 * account schemes (BGNR, PGNR), as Swedish banks' implementation guides describe; IBAN as IBAN.
 */
export function buildPain001(input: Pain001Input): string {
  const total = input.transfers.reduce((s, t) => s + t.amountKronor, 0);
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'Document');
  const root = doc.ele('CstmrCdtTrfInitn');
  const hdr = root.ele('GrpHdr');
  hdr.ele('MsgId').txt(input.messageId);
  hdr.ele('CreDtTm').txt(input.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  hdr.ele('NbOfTxs').txt(String(input.transfers.length));
  hdr.ele('CtrlSum').txt(amount(total));
  const initg = hdr.ele('InitgPty');
  initg.ele('Nm').txt(cut(input.payer.name, 140));
  orgId(initg, input.payer.organisationsnummer);

  const pmt = root.ele('PmtInf');
  pmt.ele('PmtInfId').txt(cut(input.messageId, 35));
  pmt.ele('PmtMtd').txt('TRF');
  pmt.ele('NbOfTxs').txt(String(input.transfers.length));
  pmt.ele('CtrlSum').txt(amount(total));
  pmt.ele('ReqdExctnDt').txt(input.executionDate);
  const dbtr = pmt.ele('Dbtr');
  dbtr.ele('Nm').txt(cut(input.payer.name, 140));
  orgId(dbtr, input.payer.organisationsnummer);
  pmt.ele('DbtrAcct').ele('Id').ele('IBAN').txt(input.payer.iban);
  pmt.ele('DbtrAgt').ele('FinInstnId').ele('BIC').txt(input.payer.bic);
  pmt.ele('ChrgBr').txt('SLEV');

  for (const t of input.transfers) {
    const tx = pmt.ele('CdtTrfTxInf');
    tx.ele('PmtId').ele('EndToEndId').txt(cut(t.endToEndId, 35));
    tx.ele('Amt').ele('InstdAmt', { Ccy: 'SEK' }).txt(amount(t.amountKronor));
    if (t.account.type === 'iban' && t.account.bic)
      tx.ele('CdtrAgt').ele('FinInstnId').ele('BIC').txt(t.account.bic);
    const cdtr = tx.ele('Cdtr');
    cdtr.ele('Nm').txt(cut(t.payeeName, 140));
    orgId(cdtr, t.payeeOrganisationsnummer);
    const acct = tx.ele('CdtrAcct').ele('Id');
    if (t.account.type === 'iban') acct.ele('IBAN').txt(t.account.number);
    else {
      const othr = acct.ele('Othr');
      othr.ele('Id').txt(t.account.number);
      othr
        .ele('SchmeNm')
        .ele('Prtry')
        .txt(t.account.type === 'bankgiro' ? 'BGNR' : 'PGNR');
    }
    tx.ele('RmtInf').ele('Ustrd').txt(cut(t.remittance, 140));
  }
  return doc.end({ prettyPrint: true });
}

function orgId(party: ReturnType<ReturnType<typeof create>['ele']>, organisationsnummer: string): void {
  party.ele('Id').ele('OrgId').ele('Othr').ele('Id').txt(organisationsnummer.replace(/\D/g, ''));
}
