import type { Writable } from 'node:stream';
import { XLSX_KRONOR } from '../../shared/formats';
import { BOLD, streamingWorkbook, TITLE } from '../../shared/xlsx';
import type { FollowUp } from '../follow-up.model';
import { followUpHeading, followUpTables } from '../follow-up.tables';

/** One sheet: the title, then each table with a bold heading; counts and kronor are numbers. */
export async function writeFollowUpXlsx(f: FollowUp, out: Writable): Promise<void> {
  const workbook = streamingWorkbook(out);
  workbook.creator = f.regionName;
  const sheet = workbook.addWorksheet(`Uppföljning ${f.year}`);
  sheet.columns = [{ width: 60 }, ...Array.from({ length: 5 }, () => ({ width: 18 }))];
  const heading = followUpHeading(f);
  if (heading) sheet.addRow([heading]).font = BOLD;
  sheet.addRow([`${f.title} ${f.year}`]).font = TITLE;
  for (const t of followUpTables(f)) {
    sheet.addRow([]);
    sheet.addRow([t.title]).font = BOLD;
    sheet.addRow(t.columns).font = BOLD;
    t.rows.forEach((cells, i) => {
      const row = sheet.addRow(cells);
      for (const c of t.numeric) row.getCell(c + 1).numFmt = XLSX_KRONOR;
      if (t.sumRow && i === t.rows.length - 1) row.font = BOLD;
    });
  }
  sheet.commit();
  await workbook.commit();
}
