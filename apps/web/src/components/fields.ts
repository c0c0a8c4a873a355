import type { FieldError } from '../api/errors';
import { errorFor } from './FormErrorSummary';

/**
 * Ties text inputs to a form's state: `field('name')` gives the input its id (the API's field name, after
 * `prefix` where two forms share a page), its value, its change and the API's problem with it, which the
 * input shows beside it and the error summary links to.
 */
export function fieldsOf<F extends object>(
  form: F,
  change: (patch: Partial<F>) => void,
  errors: FieldError[],
  prefix = '',
) {
  return <K extends keyof F & string>(key: K) => ({
    id: `${prefix}${key}`,
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => change({ [key]: e.target.value } as Partial<F>),
    error: errorFor(errors, `${prefix}${key}`),
  });
}
