import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type MetadataStorage } from 'class-validator';
import { DomainError, ErrorCode, ErrorDetail } from './domain-error';
import { swedishProblem } from './messages';

/** Flattens nested class-validator errors into `field` paths like `budget.costs[2].amount`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const key = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    const problem = swedishProblem(e);
    if (problem) out.push({ field: key, problem });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, key));
  }
  return out;
}

type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;
const KEPT = Symbol('anslag.keptValidationRules');

/**
 * class-validator looks up the rules of a class for every object it validates, the nested ones too (each
 * budget line): a pass over every class with rules for the ancestors, a quadratic filter of the inherited
 * rules, then a grouping by property; the validation pipe looks them up once more for its check of
 * binary values. That was a fifth of validating an application. The rules of a class change only when a
 * rule is added (as classes are loaded), so the lookups and groupings are kept, per class and options, and
 * dropped whenever a rule is added. The lists kept are the storage's own answers, shared: its callers
 * only read them.
 */
export function keepValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [KEPT]?: true };
  if (marked[KEPT]) return;
  marked[KEPT] = true;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  // Without a schema, groups, `always` or `strictGroups` (every validation of this api): by class alone.
  let usual = new WeakMap<object, Rules>();
  let rules = new WeakMap<object, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, Grouped>();
  storage.addValidationMetadata = (metadata) => {
    usual = new WeakMap();
    rules = new WeakMap();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (!schema && !always && !strictGroups && !groups?.length) {
      let found = usual.get(target);
      if (!found) usual.set(target, (found = lookUp(target, schema, always, strictGroups, groups)));
      return found;
    }
    const key = JSON.stringify([schema, always, strictGroups, groups]);
    let byOptions = rules.get(target);
    if (!byOptions) rules.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}

export function createValidationPipe(): ValidationPipe {
  keepValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'Ogiltiga uppgifter i begäran',
        flattenValidationErrors(errors),
      ),
  });
}
