import type { Writable } from 'node:stream';
import { drained } from '../../shared/streams';
import type { ReportItem, ReportMeta } from '../delegation-report.model';

/**
 * The report as one JSON document, written piece by piece so that it streams like the other formats:
 * `{ …meta, groups: [{ point, title, decisionMakerTitle, heading, rows: [...], totals }], totals }`.
 */
export async function writeJson(
  meta: ReportMeta,
  items: AsyncIterable<ReportItem>,
  out: Writable,
): Promise<void> {
  const write = async (text: string) => {
    if (!out.write(text)) await drained(out);
  };
  const head = JSON.stringify(meta);
  await write(`${head.slice(0, -1)},"groups":[`);
  let firstGroup = true;
  let firstRow = true;
  for await (const item of items) {
    switch (item.kind) {
      case 'group': {
        const g = JSON.stringify(item.group);
        await write(`${firstGroup ? '' : ','}${g.slice(0, -1)},"rows":[`);
        firstGroup = false;
        firstRow = true;
        break;
      }
      case 'row':
        await write(`${firstRow ? '' : ','}${JSON.stringify(item.row)}`);
        firstRow = false;
        break;
      case 'groupEnd':
        await write(`],"totals":${JSON.stringify(item.totals)}}`);
        break;
      case 'end':
        await write(`],"totals":${JSON.stringify(item.totals)}}`);
        break;
    }
  }
}
