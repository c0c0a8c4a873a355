/** The browser session: an httpOnly cookie, and the CSRF token every state-changing request echoes. */
export const SESSION_COOKIE = 'anslag_session';
/** Readable by the page's script (not httpOnly), so that it can put the value in CSRF_HEADER. */
export const CSRF_COOKIE = 'anslag_csrf';
export const CSRF_HEADER = 'x-csrf-token';
