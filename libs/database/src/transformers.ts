import type { ValueTransformer } from 'typeorm';

/**
 * Whole kronor stored as `bigint`. The pg driver returns bigint as a string; we hand the domain a
 * number and refuse any value that would not be a safe integer rather than round it.
 */
export const kronorTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => {
    if (value === null || value === undefined) return value;
    if (!Number.isSafeInteger(value)) throw new Error(`Not whole kronor: ${value}`);
    return String(value);
  },
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`Stored amount out of range: ${value}`);
    return n;
  },
};
