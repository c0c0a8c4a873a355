import { registerDecorator, ValidationOptions } from 'class-validator';

/** At most this many sections, each a text of at most SECTION_CHARS characters. */
export const MAX_SECTIONS = 40;
export const SECTION_CHARS = 20_000;
const CODE = /^[a-z][a-z0-9_]{0,59}$/;

/**
 * The shape of an application's sections: section code → text. Which codes exist is the region's
 * catalogue (kind `application_section`), checked by CaseWriteService against the catalogue in force.
 */
export function IsSections(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSections',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `avsnitt: högst ${MAX_SECTIONS}, koder med små bokstäver, texter om högst ${SECTION_CHARS} tecken`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_SECTIONS &&
            entries.every(([k, v]) => CODE.test(k) && typeof v === 'string' && v.length <= SECTION_CHARS)
          );
        },
      },
    });
}
