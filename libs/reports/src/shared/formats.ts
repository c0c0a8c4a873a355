export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** The Excel number format for whole kronor: grouped by the reader's locale (a space in Swedish Excel). */
export const XLSX_KRONOR = '#,##0';

/** Byte-order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const BOM = '\ufeff';
