import { MigrationInterface, QueryRunner } from 'typeorm';

/** The letters' PDFs, compressed by the renderer already (deflate streams, subset fonts). */
const COLUMNS = [
  ['decision_letter', 'pdf'],
  ['payment_letter', 'pdf'],
] as const;

/**
 * Letters are kept out of line without PostgreSQL's compression: pglz found nothing to gain in a PDF
 * (every stored letter was uncompressed) yet tried the whole file on each store, four fifths of the
 * store's time in the database. Applies to letters stored from now on; stored ones stay as they are.
 */
export class LetterPdfStorage1797030000001 implements MigrationInterface {
  name = 'LetterPdfStorage1797030000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS)
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET STORAGE EXTERNAL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS)
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET STORAGE EXTENDED`);
  }
}
