/** Checks on a letter model that the layout depends on, or that the law asks of every decision. */
import { assertKronor } from '@anslag/money';
import type { LetterBudget, LetterModel } from './letter-model';

export class LetterModelError extends Error {}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The letter's date as midnight UTC; refuses anything that is not a real YYYY-MM-DD date. */
export function letterDate(date: string): Date {
  const m = ISO_DATE.exec(date);
  const parsed = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw new LetterModelError(`Datumet "${date}" är inte ett datum på formen ÅÅÅÅ-MM-DD`);
  }
  return parsed;
}

function checkBudget(budget: LetterBudget): void {
  for (const table of budget.tables) {
    for (const row of table.groups.flatMap((g) => g.rows)) {
      if (row.amounts.length !== budget.years.length) {
        throw new LetterModelError(
          `Budgetraden "${row.label}" har ${row.amounts.length} belopp men budgeten har ${budget.years.length} år`,
        );
      }
      row.amounts.forEach((a) => a !== null && assertKronor(a, row.label));
    }
  }
}

export function validateLetterModel(model: LetterModel): void {
  letterDate(model.date);
  if (model.outcome !== 'bifall' && model.reasons.length === 0) {
    throw new LetterModelError('Ett beslut som inte bifaller ansökan helt måste ange skälen för beslutet');
  }
  if (model.signatures.signatories.length === 0) {
    throw new LetterModelError('Ingen beslutsfattare har angetts');
  }
  if (model.budget) checkBudget(model.budget);
}
