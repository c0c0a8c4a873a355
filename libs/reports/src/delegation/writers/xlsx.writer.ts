import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { XLSX_KRONOR } from '../../shared/formats';
import { periodText } from '../../shared/period';
import { drained } from '../../shared/streams';
import { BOLD, streamingWorkbook, TITLE } from '../../shared/xlsx';
import {
  COLUMNS,
  dnrText,
  rejectionText,
  type ReportItem,
  type ReportMeta,
  type ReportTotals,
  totalsLabel,
} from '../delegation-report.model';

const WIDTHS = [24, 26, 28, 30, 6, 14, 14, 20];
const BELOPP = 7;

/**
 * The report as a workbook: a title row with the region and committee, the period, the column headings,
 * then per delegation point a heading, its rows and a sum row. Amounts are numbers with a grouped format.
 */
export async function writeXlsx(
  meta: ReportMeta,
  items: AsyncIterable<ReportItem>,
  out: Writable,
): Promise<void> {
  const workbook = streamingWorkbook(out);
  workbook.creator = meta.regionName;
  const sheet = workbook.addWorksheet('Delegationsbeslut', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.getColumn(BELOPP).numFmt = XLSX_KRONOR;

  const add = (values: (string | number)[], font?: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow(values);
    if (font) row.font = font;
    row.commit();
  };
  const sum = (label: string, t: ReportTotals) =>
    add([label, totalsLabel(t), '', '', '', '', t.granted], BOLD);

  add([[meta.regionName, meta.committee].filter(Boolean).join(' – ')], BOLD);
  add([meta.title], TITLE);
  add([`Perioden: ${periodText(meta.from, meta.to)}${meta.point ? `, punkt ${meta.point}` : ''}`]);
  if (meta.onlyUnreported) add(['Endast beslut som inte redovisats tidigare']);
  add([]);
  add([...COLUMNS], BOLD);
  let n = 0;
  for await (const item of items) {
    switch (item.kind) {
      case 'group':
        add([item.group.heading], BOLD);
        break;
      case 'row': {
        const r = item.row;
        add([
          dnrText(r),
          r.stod,
          r.foretag,
          r.branschPrioritering,
          r.kon,
          r.kommun,
          r.amount === null ? rejectionText(r) : r.amount,
          r.beslutsfattare,
        ]);
        if (++n % 500 === 0) await drained(out);
        break;
      }
      case 'groupEnd':
        sum(`Summa punkt ${item.group.point}`, item.totals);
        break;
      case 'end':
        sum(meta.point ? 'Summa' : 'Summa totalt', item.totals);
        break;
    }
  }
  sheet.commit();
  await workbook.commit();
}
