import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches } from 'class-validator';

/** A calendar date written `YYYY-MM-DD` that exists (2019-02-30 is refused). */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property ska vara ett datum, ÅÅÅÅ-MM-DD' }),
    IsDateString({ strict: true }, { message: '$property är inget giltigt datum' }),
  );

/** Query strings carry text: "true"/"false" become booleans, anything else is left for the validator. */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
