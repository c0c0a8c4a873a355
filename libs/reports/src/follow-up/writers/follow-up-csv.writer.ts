import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FollowUp } from '../follow-up.model';
import { followUpHeading, followUpTables } from '../follow-up.tables';

/** UTF-8 with BOM, `;`-separated: the title, then each table with its own heading row, a blank line between. */
export function writeFollowUpCsv(f: FollowUp, out: Writable): Promise<void> {
  const csv = stringify({ bom: true, delimiter: ';', record_delimiter: '\r\n' });
  const done = new Promise<void>((resolve, reject) => {
    csv.once('end', resolve);
    csv.once('error', reject);
  });
  csv.pipe(out, { end: false });
  const heading = followUpHeading(f);
  if (heading) csv.write([heading]);
  csv.write([`${f.title} ${f.year}`]);
  for (const t of followUpTables(f)) {
    csv.write([]);
    csv.write([t.title]);
    csv.write(t.columns);
    for (const row of t.rows) csv.write(row.map((c) => (c === null ? '' : String(c))));
  }
  csv.end();
  return done;
}
