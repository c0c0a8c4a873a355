import { ValidationError, ValidationPipe } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
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
