export { DomainError, ErrorCode, type ErrorDetail } from './domain-error';
export { ErrorBodyDto, ErrorDetailDto } from './error-body';
export { AllExceptionsFilter } from './http-exception.filter';
export { createValidationPipe, flattenValidationErrors } from './validation';
export { Clock, stockholmDate } from './clock';
export { DEFAULT_PAGE_SIZE, PageQueryDto, type Page } from './paging';
export { CommonModule } from './common.module';
export { UuidPipe } from './uuid.pipe';
export {
  REQUEST_BOUNDS,
  textProblem,
  scanJsonText,
  checkParsedValue,
  checkRequestTexts,
  IsOptionalNonNull,
} from './request-bounds';
export { BodyLimit, SMALL_BODY, DOCUMENT_BODY } from './body-limit';
export { attachmentDisposition } from './content-disposition';
export { responseSchema } from './response-schema';
