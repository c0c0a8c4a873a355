/**
 * The attachment types a case accepts, each with the leading bytes its files must start with, so a
 * file cannot claim to be a PDF while being something else. Text types have no signature; they must be
 * valid UTF-8 without NUL bytes.
 */
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // Office Open XML and OpenDocument are zip files
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .doc/.xls
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

export const ALLOWED_TYPES: Record<string, number[] | 'text'> = {
  'application/pdf': PDF,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.oasis.opendocument.spreadsheet': ZIP,
  'application/vnd.oasis.opendocument.text': ZIP,
  'application/vnd.ms-excel': OLE,
  'application/msword': OLE,
  'image/png': PNG,
  'image/jpeg': JPEG,
  'text/csv': 'text',
  'text/plain': 'text',
};

export type ContentCheck = { ok: true; type: string } | { ok: false; problem: string };

/** `content` is the whole file: text is checked to its last byte, signatures at its first. */
export function checkContentType(declared: string, content: Buffer): ContentCheck {
  const type = declared.split(';')[0].trim().toLowerCase();
  const rule = ALLOWED_TYPES[type];
  if (!rule) return { ok: false, problem: `filtypen "${type}" tas inte emot` };
  if (rule === 'text') {
    if (content.includes(0) || !isUtf8(content)) return { ok: false, problem: 'filen är inte text i UTF-8' };
    return { ok: true, type };
  }
  if (content.length < rule.length || rule.some((b, i) => content[i] !== b)) {
    return { ok: false, problem: `filens innehåll stämmer inte med typen "${type}"` };
  }
  return { ok: true, type };
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}
