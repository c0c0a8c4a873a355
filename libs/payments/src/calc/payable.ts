import { applyShare, type BasisPoints, formatKronor, formatShare, type Kronor } from '@anslag/money';

/**
 * What may be paid on a payment request, computed on accumulated figures as the national system does:
 * the total ever credited against the grant is the least of (approved costs so far × the decided share),
 * the granted amount, and — until the final report is approved — the grant less the part held back for
 * it. This request pays what that total leaves after everything credited before; an advance still
 * outstanding is offset by its plan; and nothing makes the money paid out (advances included) pass the
 * grant. PURE: plain numbers in, the amount and every term with its reason out.
 */
export interface PayableInput {
  /** The granted amount ("dock högst …"). */
  readonly grantAmount: Kronor;
  /** The decided share of approved costs, in basis points. */
  readonly shareBp: BasisPoints;
  /** Approved (verified) costs of every request so far, this one included. */
  readonly approvedCostsToDate: Kronor;
  /** Credited against the grant by earlier payments (their gross: paid out plus advance offset). */
  readonly creditedBefore: Kronor;
  /** Paid out so far: earlier payments' net amounts plus every advance. */
  readonly paidOutBefore: Kronor;
  /** Advances not yet offset. */
  readonly advanceOutstanding: Kronor;
  /** What the advance plan says is to be offset up to and including this request (ignored on the final). */
  readonly advanceOffsetDue: Kronor;
  /** This is the final request (slutredovisning) and its final report is approved. */
  readonly finalApproved: boolean;
  /** Share of the grant held back until the final report is approved (region setting). */
  readonly holdbackBp: BasisPoints;
}

export type PayableTermCode =
  | 'andel_av_godkanda_kostnader'
  | 'beviljat_belopp'
  | 'innehallet_till_slutrapport'
  | 'tidigare_tillgodoraknat'
  | 'forskott_kvittas'
  | 'beviljat_minus_utbetalt';

export interface PayableTerm {
  readonly term: PayableTermCode;
  readonly amount: Kronor;
  readonly reason: string;
}

export interface Payable {
  /** The most that may be credited against the grant in total after this request. */
  readonly entitledTotal: Kronor;
  /** Credited by this request (before the advance offset). */
  readonly gross: Kronor;
  /** Of the gross, offset against an outstanding advance. */
  readonly advanceOffset: Kronor;
  /** Paid out to the recipient now. */
  readonly net: Kronor;
  /** Approved costs × share not paid because of a cap (information for the letter). */
  readonly terms: readonly PayableTerm[];
}

const kr = (n: Kronor) => formatKronor(n, { space: ' ' });

export function computePayable(i: PayableInput): Payable {
  const terms: PayableTerm[] = [];
  const byShare = applyShare(i.approvedCostsToDate, i.shareBp);
  terms.push({
    term: 'andel_av_godkanda_kostnader',
    amount: byShare,
    reason: `${formatShare(i.shareBp).replace('\u00a0', ' ')} av godkända kostnader hittills ${kr(i.approvedCostsToDate)}`,
  });
  terms.push({
    term: 'beviljat_belopp',
    amount: i.grantAmount,
    reason: `Beviljat belopp, högst ${kr(i.grantAmount)}`,
  });
  let entitled = Math.min(byShare, i.grantAmount);
  if (!i.finalApproved && i.holdbackBp > 0) {
    const held = applyShare(i.grantAmount, i.holdbackBp);
    const cap = i.grantAmount - held;
    terms.push({
      term: 'innehallet_till_slutrapport',
      amount: cap,
      reason: `${kr(held)} (${formatShare(i.holdbackBp).replace('\u00a0', ' ')} av stödet) betalas först när slutrapporten är godkänd`,
    });
    entitled = Math.min(entitled, cap);
  }
  terms.push({
    term: 'tidigare_tillgodoraknat',
    amount: i.creditedBefore,
    reason: `Tidigare utbetalningar har tillgodoräknats med ${kr(i.creditedBefore)}`,
  });
  const gross = Math.max(0, entitled - i.creditedBefore);

  const room = Math.max(0, i.grantAmount - i.paidOutBefore);
  const due = i.finalApproved ? i.advanceOutstanding : Math.min(i.advanceOutstanding, i.advanceOffsetDue);
  let offset = Math.min(gross, due);
  let net = gross - offset;
  if (net > room) {
    // Paying more would pass the grant with the advance counted: offset more of the advance instead.
    net = room;
    offset = Math.min(gross - net, i.advanceOutstanding);
  }
  if (offset > 0)
    terms.push({
      term: 'forskott_kvittas',
      amount: offset,
      reason: `Förskott kvittas med ${kr(offset)} (återstår ${kr(i.advanceOutstanding - offset)})`,
    });
  terms.push({
    term: 'beviljat_minus_utbetalt',
    amount: room,
    reason: `Beviljat belopp minus allt som redan betalats ut, förskott medräknade: ${kr(room)}`,
  });
  return { entitledTotal: entitled, gross: offset + net, advanceOffset: offset, net, terms };
}

/** Advances: only for special reasons, at most half the grant and at most a fixed sum for the project. */
export interface AdvanceLimits {
  readonly maxShareBp: BasisPoints;
  readonly maxAmount: Kronor;
}

export function advanceCeiling(grantAmount: Kronor, limits: AdvanceLimits): Kronor {
  return Math.min(applyShare(grantAmount, limits.maxShareBp), limits.maxAmount);
}
