/**
 * A PostgreSQL array literal of text values (`{"a","b"}`), made once for the statements that take the
 * same list: pg would otherwise escape every element again for each of them. Each element is quoted, so
 * none is read as NULL or split at a comma.
 */
export function arrayLiteral(values: Iterable<string>): string {
  const parts: string[] = [];
  for (const v of values) parts.push(`"${v.replace(/["\\]/g, '\\$&')}"`);
  return `{${parts.join(',')}}`;
}
