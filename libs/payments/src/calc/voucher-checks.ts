import type { Kronor } from '@anslag/money';

/**
 * The checks the rules can make on one voucher (verifikation) of a payment request. They flag; the
 * officer decides each line (approve, deduct with a reason, or move it to a later request), and a line
 * with a flag cannot be approved. PURE: dates are `YYYY-MM-DD` strings meant in Europe/Stockholm.
 */
export interface VoucherFacts {
  readonly costType: string;
  readonly invoiceDate: string;
  /** null: not paid yet. */
  readonly paymentDate: string | null;
  readonly amountExVat: Kronor;
  readonly vat: Kronor;
}

export interface VoucherContext {
  /** The decision's earliest start and latest end (the project period). */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The date the application was received; costs must come after it (incentive effect). */
  readonly applicationReceived: string;
  /** The date the payment request was submitted; costs must be paid by then. */
  readonly requestDate: string;
  /** Cost types that are never eligible (vehicles, leasing, own work, running costs: region data). */
  readonly excludedCostTypes: readonly string[];
}

export type VoucherFlag =
  | 'fore_projektperioden'
  | 'efter_projektperioden'
  | 'fore_ansokan'
  | 'ej_betald'
  | 'betald_efter_begaran'
  | 'ej_stodberattigad_kostnadstyp'
  | 'moms_i_beloppet';

export const VOUCHER_FLAG_TEXT: Record<VoucherFlag, string> = {
  fore_projektperioden: 'Kostnaden är från före projektperioden',
  efter_projektperioden: 'Kostnaden är från efter projektperioden',
  fore_ansokan: 'Kostnaden är från före eller samma dag som ansökan kom in (stimulanseffekt)',
  ej_betald: 'Kostnaden är inte betald',
  betald_efter_begaran: 'Kostnaden betalades efter att utbetalningsansökan skickades in',
  ej_stodberattigad_kostnadstyp: 'Kostnadsslaget är inte stödberättigande',
  moms_i_beloppet: 'Momsen är större än beloppet utan moms och kan inte stämma',
};

export function checkVoucher(v: VoucherFacts, c: VoucherContext): VoucherFlag[] {
  const flags: VoucherFlag[] = [];
  if (v.invoiceDate < c.periodStart) flags.push('fore_projektperioden');
  if (v.invoiceDate > c.periodEnd) flags.push('efter_projektperioden');
  if (v.invoiceDate <= c.applicationReceived) flags.push('fore_ansokan');
  if (v.paymentDate === null) flags.push('ej_betald');
  else if (v.paymentDate > c.requestDate) flags.push('betald_efter_begaran');
  if (c.excludedCostTypes.includes(v.costType)) flags.push('ej_stodberattigad_kostnadstyp');
  // VAT is never counted: only amountExVat is. A VAT larger than the net amount means the two were mixed up.
  if (v.vat > v.amountExVat) flags.push('moms_i_beloppet');
  return flags;
}
