import { Injectable } from '@nestjs/common';
import {
  evaluate,
  frameOf,
  type EvaluationInput,
  type GrantTermCode,
  type Outcome,
  type RuleSet,
  type RusCatalogue,
} from '@anslag/rules';

/** What a what-if compares and shows of one case's evaluation under one rule set. */
export interface EvaluationSummary {
  outcome: Outcome;
  maxGrant: number;
  rank: string | null;
  limitedBy: GrantTermCode[];
  /** The amount terms of the maximum, in the evaluation's order. */
  terms: { term: GrantTermCode; amount: number }[];
  /** The frame the maximum would draw on; undefined when the rule set has none for the case. */
  frame: string | undefined;
}

/** Evaluates a case and keeps only what the what-if reads of the evaluation. */
export function summarise(input: EvaluationInput, ruleSet: RuleSet, rus?: RusCatalogue): EvaluationSummary {
  const e = evaluate(input, ruleSet, rus);
  return {
    outcome: e.outcome,
    maxGrant: e.maxGrant.amount,
    rank: 'rank' in e.priority ? e.priority.rank : null,
    limitedBy: e.maxGrant.limitedBy,
    terms: e.maxGrant.terms.map((t) => ({ term: t.term, amount: t.amount })),
    frame: frameOf(input, ruleSet)?.frame,
  };
}

/**
 * Whether two values read from JSON-like data (plain objects, arrays, strings, numbers, booleans, null,
 * undefined) are the same: the same keys with the same values, at every depth. Compares in place, making
 * nothing.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // As many keys on either side, and each value of one the same on the other: the same keys. A key set
  // to undefined is looked for on the other side (undefined is also what a missing key reads as).
  let keys = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined ? !(k in y) || y[k] !== undefined : !sameData(v, y[k])) return false;
    keys++;
  }
  for (const _k in y) keys--;
  return keys === 0;
}

interface Entry {
  /** The input evaluated: the evaluation is a function of it and the rules alone. */
  input: EvaluationInput;
  ruleSet: RuleSet;
  rus: RusCatalogue | undefined;
  summary: EvaluationSummary;
  /** The last round that asked for the case. */
  round: number;
}

/** One what-if's use of the kept evaluations; `keep`, once it has seen every open case, drops the others. */
export interface CurrentEvaluationRound {
  summarise(
    caseId: string,
    input: EvaluationInput,
    ruleSet: RuleSet,
    rus: RusCatalogue | undefined,
  ): EvaluationSummary;
  keep(): void;
}

/**
 * The evaluation of each open case under the decision in force on its registration date, kept in memory
 * between what-ifs: an administrator trying one draft after another asks again for the same thousands of
 * evaluations, of which only the draft's side differs.
 *
 * An entry is used only for the same case with the very same input (compared field by field at every
 * depth: the rules library reads nothing else of the case, and nothing of the clock) under the very same rule set and RUS catalogue
 * objects. Those come from PolicyService.inForce, which keeps them while `reference_version` stays where
 * it is; an adoption, an extension, new exchange rates or a changed RUS catalogue give new objects. So a
 * changed case, budget line, organisation, earlier decision or de minimis entry changes the input, and a
 * changed decision in force changes the objects: either way the case is evaluated again, never answered
 * from what it was. A what-if that saw every open case drops the entries of the cases it did not see
 * (closed since), so the entries are never more than the open cases.
 */
@Injectable()
export class CurrentEvaluations {
  private readonly entries = new Map<string, Entry>();
  private rounds = 0;

  round(): CurrentEvaluationRound {
    const round = ++this.rounds;
    return {
      summarise: (caseId, input, ruleSet, rus) => {
        let entry = this.entries.get(caseId);
        if (!entry || entry.ruleSet !== ruleSet || entry.rus !== rus || !sameData(entry.input, input)) {
          const seen = Math.max(entry?.round ?? 0, round);
          entry = { input, ruleSet, rus, summary: summarise(input, ruleSet, rus), round: seen };
          this.entries.set(caseId, entry);
        } else entry.round = Math.max(entry.round, round);
        return entry.summary;
      },
      // The cases no round since this one asked for are no longer open.
      keep: () => {
        for (const [caseId, entry] of this.entries) if (entry.round < round) this.entries.delete(caseId);
      },
    };
  }
}
