import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { DomainError } from '@anslag/common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let estimator: ZxcvbnFactory | undefined;

/**
 * Why a password may not be set, or null. Long enough, and not guessable: zxcvbn matches it against
 * tens of thousands of passwords from published breaches, common words, keyboard walks, dates and
 * repeats, and against the person's own name; a score below 3 ("safely unguessable") is refused.
 */
export function passwordProblem(plain: string, personal: string[] = []): string | null {
  if (plain.length < PASSWORD_MIN_LENGTH) return `minst ${PASSWORD_MIN_LENGTH} tecken`;
  if (plain.length > PASSWORD_MAX_LENGTH) return `högst ${PASSWORD_MAX_LENGTH} tecken`;
  // Loaded on first use: the dictionaries are large and only setting a password needs them.
  if (!estimator) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    /* eslint-enable @typescript-eslint/no-require-imports */
    estimator = new Factory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  }
  if (estimator.check(plain, personal).score < 3)
    return 'lösenordet är för lätt att gissa (vanligt, läckt eller likt ditt namn)';
  return null;
}

/** Hashes a real account's password (argon2id) after the policy; refuses a weak one naming the field. */
export async function hashPassword(plain: string, personal: string[] = []): Promise<string> {
  const problem = passwordProblem(plain, personal);
  if (problem) throw DomainError.validation('password', problem);
  return hash(plain);
}

/** The demo accounts' shared password (DEMO_PASSWORD, "demo"), outside the policy: the demo loader only. */
export const hashDemoPassword = (plain: string): Promise<string> => hash(plain);

export async function verifyPassword(hashed: string | null, plain: string): Promise<boolean> {
  if (!hashed) return false;
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}
