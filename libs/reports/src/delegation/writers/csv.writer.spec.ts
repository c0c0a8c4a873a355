import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { groupedItems } from '../delegation-report.service';
import type { DelegationReportRow, ReportMeta } from '../delegation-report.model';
import { writeCsv } from './csv.writer';

const meta = { title: 'Redovisning av delegationsbeslut', point: null } as unknown as ReportMeta;

function row(n: number, over: Partial<DelegationReportRow> = {}): DelegationReportRow {
  return {
    decisionId: `d${n}`,
    caseId: `c${n}`,
    delegationPoint: '3.3',
    decisionDate: '2019-11-18',
    diarienummer: `19RS${n}`,
    nypsId: null,
    stod: 'Konsulttjänst',
    foretag: `Företaget ${n} AB`,
    branschPrioritering: 'Tillverkning',
    kon: 'K',
    kommun: 'Örebro',
    outcome: 'bifall',
    amount: 1_234_567 + n,
    rejectionGrounds: null,
    beslutsfattare: 'Kristina Eklöf',
    beslutsfattareTitel: 'Områdeschef',
    amended: false,
    reportedIn: null,
    ...over,
  };
}

async function csvOf(rows: DelegationReportRow[], numberFormat: 'sv' | 'plain'): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeCsv(meta, groupedItems(rows, new Map()), out, { numberFormat });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** RFC 4180 with `;` and CRLF, read field by field. */
function parse(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') break;
        else field += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ';' && text[i] !== '\r') field += text[i++];
    }
    record.push(field);
    if (text[i] === ';') i++;
    else {
      records.push(record);
      record = [];
      i += 2;
    }
  }
  return records;
}

describe('delegation report CSV', () => {
  // Fields that need RFC 4180 quoting, amounts with the non-breaking space, a rejection, a NypsID, and
  // enough rows that the text is written in several chunks.
  const rows = [
    row(1, { foretag: 'Bygg; Måleri "Kalle" AB' }),
    row(2, { branschPrioritering: 'Rad ett\r\nrad två', nypsId: '214557' }),
    row(3, { outcome: 'avslag', amount: null, rejectionGrounds: 'Uppfyller ej "villkor"' }),
    ...Array.from({ length: 3_000 }, (_, i) => row(10 + i, { delegationPoint: i < 1_500 ? '3.3' : '3.4' })),
    row(4, { diarienummer: null, nypsId: '1', delegationPoint: '3.4', kon: '' }),
  ];

  it.each(['sv', 'plain'] as const)('writes what an RFC 4180 library writes (%s amounts)', async (format) => {
    const text = await csvOf(rows, format);
    expect(text.startsWith('\ufeffDnr;Stöd;')).toBe(true);
    // Read back and written again by csv-stringify, the library the writer replaced: the same text.
    const records = parse(text.slice(1));
    expect(records).toHaveLength(1 + 2 + rows.length + 2 + 1);
    expect(records.every((r) => r.length === 8)).toBe(true);
    expect(stringify(records, { bom: true, delimiter: ';', record_delimiter: '\r\n' })).toBe(text);
    if (format === 'sv') expect(text).toContain(';1\u00a0234\u00a0568;');
    else expect(text).toContain(';1234568;');
  });
});
