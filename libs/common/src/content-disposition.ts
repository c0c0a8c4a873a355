/**
 * `Content-Disposition: attachment` for a stored file name: a plain ASCII fallback in `filename` and the
 * exact name in `filename*` (RFC 6266 / RFC 8187), every character outside RFC 8187's attr-char escaped,
 * so no name can end the header, add a parameter or smuggle a quote.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9 ._-]/g, '_').slice(0, 200) || 'fil';
  const exact = encodeURIComponent(filename).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
