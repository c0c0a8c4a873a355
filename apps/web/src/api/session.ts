/**
 * The signed-in person's bearer token, kept for the browser tab (sessionStorage) so that a reload keeps
 * one signed in and closing the tab signs out. The API's password login gives it; e-legitimation will
 * replace this with the API's own session cookie.
 */
const KEY = 'anslag.token';
const listeners = new Set<() => void>();

export const session = {
  token(): string | null {
    return sessionStorage.getItem(KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(KEY, token);
    listeners.forEach((l) => l());
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
