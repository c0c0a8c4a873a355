import { formatKronor } from '@anslag/money';
import { formatRef } from './checks';
import type {
  EvaluationInput,
  Frame,
  FrameStatus,
  FrameStatusLine,
  FrameUsage,
  ProposedGrant,
  RuleSet,
} from './types';

function describe(binding: Frame['binding']): string {
  return binding === 'hogst' ? 'högst' : 'indikativt';
}

function line(
  scope: FrameStatusLine['scope'],
  code: string,
  frameCode: string,
  frame: Frame,
  name: string,
  amount: number,
  granted: number,
  proposed: number,
): FrameStatusLine {
  const left = amount - granted - proposed;
  const overdrawn = left < 0;
  const label = scope === 'frame' ? `Ramen för ${name.toLowerCase()}` : `Delramen för ${name}`;
  const reason = overdrawn
    ? `${label} (${describe(frame.binding)} ${formatKronor(amount)}) överskrids med ${formatKronor(-left)}. Fördelningen är indikativ och kan justeras under året; beslutet hindras inte.`
    : null;
  return {
    scope,
    code,
    frame: frameCode,
    name,
    binding: frame.binding,
    indicative: amount,
    granted,
    proposed,
    left,
    overdrawn,
    reason,
    ref: formatRef(frame.ref),
  };
}

/**
 * Where the frames of a decision stand: granted so far, the proposed grant, what is left. Frames are
 * indicative (and the follow-up frame a stated maximum), so passing one is flagged, never refused.
 */
export function frameStatus(
  ruleSet: RuleSet,
  grantedSoFar: FrameUsage,
  proposed?: ProposedGrant | null,
): FrameStatus {
  const lines: FrameStatusLine[] = [];
  for (const [code, frame] of Object.entries(ruleSet.frames)) {
    const add = proposed && proposed.frame === code ? proposed.amount : 0;
    lines.push(
      line('frame', code, code, frame, frame.name, frame.amount, grantedSoFar.frames?.[code] ?? 0, add),
    );
    for (const [form, amount] of Object.entries(frame.aidForms ?? {})) {
      const name = ruleSet.aidForms[form]?.name ?? form;
      const addForm = proposed && proposed.frame === code && proposed.aidForm === form ? proposed.amount : 0;
      lines.push(
        line('aid_form', form, code, frame, name, amount, grantedSoFar.aidForms?.[form] ?? 0, addForm),
      );
    }
  }
  const reasons = lines.filter((l) => l.overdrawn).map((l) => l.reason as string);
  return { lines, overdrawn: reasons.length > 0, reasons };
}

/** The frame (and aid form, for sub-frames) a case's grant is drawn from. */
export function frameOf(
  input: EvaluationInput,
  ruleSet: RuleSet,
): { frame: string; aidForm: string | null } | null {
  if (input.track === 'projekt') return { frame: ruleSet.projectRules.frame, aidForm: null };
  const form = ruleSet.aidForms[input.aidForm];
  return form ? { frame: form.frame, aidForm: form.code } : null;
}
