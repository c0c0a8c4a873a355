import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { csrfToken } from './session';

let onUnauthorized: () => void = () => undefined;
/** The app tells the client where to send someone whose session has ended (the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Answers where a 401 means "not signed in" rather than "the session has ended". */
const SIGN_IN_CALLS = ['/api/auth/session', '/api/auth/login', '/api/auth/logout'];

const auth: Middleware = {
  onRequest({ request }) {
    // The session cookie goes by itself (same origin); unsafe methods echo the CSRF cookie.
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      const token = csrfToken();
      if (token) request.headers.set('x-csrf-token', token);
    }
    request.headers.set('x-request-id', crypto.randomUUID());
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !SIGN_IN_CALLS.some((p) => new URL(request.url).pathname === p))
      onUnauthorized();
    return response;
  },
};

/** The one way the app talks to the API: typed from the API's own OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(auth);
