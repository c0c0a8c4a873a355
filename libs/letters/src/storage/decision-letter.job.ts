import type { DataSource } from 'typeorm';
import { buildDecisionLetterModel } from '../model/decision-letter-model.builder';
import type { LetterModel } from '../render/letter-model';
import { renderLetter } from '../render/render-letter';
import { LetterModelError } from '../render/validate';
import { DecisionLetterStore } from './decision-letter.store';
import { LetterDataLoader, LetterNotReadyError } from './letter-data.loader';

export type LetterRenderer = (model: LetterModel) => Promise<Buffer>;

export type LetterJobResult =
  /** This run rendered and stored the letter. */
  | { readonly outcome: 'stored'; readonly sha256: string }
  /** Another run stored it first (or it was done before this one began): nothing stored twice. */
  | { readonly outcome: 'already-done' }
  /** The letter waits for something to be recorded (the nämnd's §); it stays queued. */
  | { readonly outcome: 'waiting' };

/**
 * A job for a decision that has no ordered letter in this installation's database: another
 * installation's job (on a shared Redis) or one whose row is not visible yet. Never a permanent failure:
 * the job is tried again, and the letter row, if there is one, is left untouched.
 */
export class LetterNotOrderedError extends Error {}

/** An error that no retry can cure: the letter is failed at once. */
export function isPermanentLetterError(e: unknown): boolean {
  return e instanceof LetterModelError;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * One decision's letter, start to end: claim the row and read the data (one statement), build the model,
 * render, store.
 * Safe to run twice or side by side for the same decision: the store is conditional, so one letter.
 */
export class DecisionLetterJob {
  private readonly store: DecisionLetterStore;
  private readonly loader: LetterDataLoader;

  constructor(
    db: DataSource,
    private readonly render: LetterRenderer = renderLetter,
  ) {
    this.store = new DecisionLetterStore(db);
    this.loader = new LetterDataLoader(db);
  }

  /** `finalAttempt`: when this run fails, the letter is failed (no retry follows). */
  async run(decisionId: string, finalAttempt: boolean): Promise<LetterJobResult> {
    const claim = await this.loader.claimAndLoad(decisionId);
    if (!claim.claimed) {
      if ((await this.store.status(decisionId)) === 'done') return { outcome: 'already-done' };
      throw new LetterNotOrderedError(`Beslutet ${decisionId} har inget beställt beslutsbrev`);
    }
    try {
      const model = buildDecisionLetterModel(claim.input());
      const pdf = await this.render(model);
      const { stored, sha256 } = await this.store.store(decisionId, pdf);
      return stored ? { outcome: 'stored', sha256 } : { outcome: 'already-done' };
    } catch (e) {
      if (e instanceof LetterNotReadyError) {
        await this.store.recordFailure(decisionId, errorText(e), false);
        return { outcome: 'waiting' };
      }
      await this.store.recordFailure(decisionId, errorText(e), finalAttempt || isPermanentLetterError(e));
      throw e;
    }
  }
}
