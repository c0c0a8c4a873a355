import { RouteConfig } from '@nestjs/platform-fastify';

/** Bytes a route accepts in its body when the default (REQUEST_BOUNDS.bodyBytes) is not right for it. */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/** Small bodies: sign-in and similar. */
export const SMALL_BODY = 8 * 1024;
/** Documents: applications with their sections and budgets, an inriktningsbeslut. */
export const DOCUMENT_BODY = 1024 * 1024;
