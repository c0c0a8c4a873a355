import type { components } from './schema';

type Scalar = string | number | boolean;
/**
 * The API's document declares some nullable fields without their type (`@ApiProperty({ nullable: true })`
 * on a `string | null` property), which the generator reads as `Record<string, never>`. Until the API
 * declares them, such fields are read as plain values here, and nowhere else.
 */
export type Loose<T> = {
  [K in keyof T]: [NonNullable<T[K]>] extends [Record<string, never>]
    ? [NonNullable<T[K]>] extends [unknown[]]
      ? T[K]
      : Scalar | Extract<T[K], null>
    : T[K];
};

export type Schemas = components['schemas'];
export type Case = Loose<Schemas['CaseDto']>;
export type Organisation = Loose<Schemas['OrganisationDto']>;
export type Decision = Loose<Schemas['DecisionDto']>;

/**
 * Routes whose answer the document does not describe yet (the case list, the evaluation): the fields
 * the pages read, as the API's CaseSummaryDto and stored evaluation give them.
 */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface CaseSummary {
  id: string;
  diarienummer: string | null;
  track: string;
  status: string;
  title: string;
  organisationId: string;
  organisationName: string | null;
  aidForm: string | null;
  amountApplied: number | null;
  registrationDate: string | null;
}
export interface StoredEvaluation {
  evaluation: {
    outcome: 'eligible' | 'eligible_with_remarks' | 'not_eligible';
    checks: { rule: string; passed: boolean; severity: string; reason: string; ref: string }[];
    maxGrant: {
      amount: number;
      terms: { term: string; amount: number; reason: string }[];
      limitedBy: string[];
    };
    eligibleCosts: number;
  };
  /** The frames with this case proposed; null where no frame applies. */
  frames?: Schemas['FrameStatusDto'] | null;
}
