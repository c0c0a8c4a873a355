import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session } from './session';

let onUnauthorized: () => void = () => undefined;
/** The app tells the client where to send someone whose session has ended (the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    request.headers.set('x-request-id', crypto.randomUUID());
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/api/auth/login') && session.token()) {
      session.clear();
      onUnauthorized();
    }
    return response;
  },
};

/** The one way the app talks to the API: typed from the API's own OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);
