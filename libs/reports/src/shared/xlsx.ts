import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A streaming workbook that writes its zip into `out`; rows are written out as they are committed. */
export function streamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

export const BOLD: Partial<ExcelJS.Font> = { bold: true };
export const TITLE: Partial<ExcelJS.Font> = { bold: true, size: 14 };
