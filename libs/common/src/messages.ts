import type { ValidationError } from '@nestjs/common';

/**
 * The Swedish validation messages, in one place. class-validator's own messages are English
 * ("employees must not be greater than 1000000"); every constraint it reports is translated here,
 * and a field gets one message: the most basic problem first (missing, wrong type, then range).
 * Messages a DTO writes itself (`{ message: 'belopp ska vara hela kronor' }`) are kept.
 */
const ORDER = [
  'whitelistValidation',
  'isDefined',
  'nestedValidation',
  'isObject',
  'isArray',
  'isString',
  'isBoolean',
  'isInt',
  'isNumber',
  'isUuid',
  'isDateString',
  'isIso8601',
  'isCalendarDate',
  'isIn',
  'isEnum',
  'matches',
  'min',
  'max',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
];

const grouped = (n: string) => n.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const lastNumber = (m: string) => grouped(/(-?\d+)(?!.*\d)/.exec(m)?.[1] ?? '');

const TEXT: Record<string, (english: string) => string> = {
  whitelistValidation: () => 'okänt fält',
  isDefined: () => 'saknas',
  nestedValidation: () => 'ska vara ett objekt eller en lista',
  isObject: () => 'ska vara ett objekt',
  isArray: () => 'ska vara en lista',
  isString: () => 'ska vara text',
  isBoolean: () => 'ska vara true eller false',
  isInt: () => 'ska vara ett heltal',
  isNumber: () => 'ska vara ett tal',
  isUuid: () => 'ska vara ett UUID',
  isDateString: () => 'ska vara ett datum (ÅÅÅÅ-MM-DD)',
  isIso8601: () => 'ska vara ett datum (ÅÅÅÅ-MM-DD)',
  isCalendarDate: () => 'ska vara ett datum (ÅÅÅÅ-MM-DD)',
  isIn: (m) => `ska vara ett av: ${m.split('following values: ')[1] ?? ''}`.trim(),
  isEnum: (m) => `ska vara ett av: ${m.split('following values: ')[1] ?? ''}`.trim(),
  matches: () => 'har fel format',
  min: (m) => `får vara lägst ${lastNumber(m)}`,
  max: (m) => `får vara högst ${lastNumber(m)}`,
  minLength: (m) => (lastNumber(m) === '1' ? 'får inte vara tom' : `ska ha minst ${lastNumber(m)} tecken`),
  maxLength: (m) => `får ha högst ${lastNumber(m)} tecken`,
  arrayMinSize: (m) => `ska ha minst ${lastNumber(m)} element`,
  arrayMaxSize: (m) => `får ha högst ${lastNumber(m)} element`,
};

/** class-validator's default messages start with the property's name; a DTO's own do not. */
function isDefaultMessage(message: string, property: string): boolean {
  return (
    message.startsWith(`${property} `) ||
    message.startsWith('each value in ') ||
    message.startsWith('property ') ||
    message.startsWith('nested property ') ||
    message.startsWith('an instance of ')
  );
}

/** The one Swedish message for a field's failed constraints. */
export function swedishProblem(e: ValidationError): string | null {
  const constraints = e.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.length === 0) return null;
  if (!names.includes('whitelistValidation') && (e.value === undefined || e.value === null)) return 'saknas';
  const name = [...names].sort((a, b) => rank(a) - rank(b))[0];
  const message = constraints[name];
  if (!isDefaultMessage(message, e.property)) return message;
  const each = message.startsWith('each value in ') ? 'varje värde ' : '';
  const text = TEXT[name]?.(message) ?? 'ogiltigt värde';
  return each ? `${each}${text}` : text;
}

function rank(name: string): number {
  const i = ORDER.indexOf(name);
  return i < 0 ? ORDER.length : i;
}
