/**
 * The browser session is the API's own: an httpOnly cookie the app never sees, and a readable CSRF
 * cookie whose value goes with every unsafe request in `x-csrf-token`. Nothing is kept in storage.
 */
const CSRF_COOKIE = 'anslag_csrf';

/** The CSRF token of the current session, or null when there is none. */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE)
      return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** A path of this site to return to after signing in, or null (never another origin, never `//host`). */
export function safeReturnPath(value: string | null | undefined): string | null {
  return value && /^\/(?![/\\])/.test(value) && value.length <= 500 ? value : null;
}

/** Where the browser is now, as a path to return to. */
export function currentPath(): string {
  return window.location.pathname + window.location.search;
}
