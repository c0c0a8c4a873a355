import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows the api caches in memory (libs/database ReferenceCache). */
const TABLES = [
  'catalogue_entry',
  'municipality',
  'region_setting',
  'inriktningsbeslut',
  'rus_catalogue',
  'exchange_rate',
];

/**
 * One counter for the reference data the api keeps in memory (catalogues, the adopted rule sets, RUS
 * catalogues, exchange rates): any change to those tables, through the api or not, raises it in the same
 * transaction. Every api instance compares it with the counter its cache was loaded at, so a rule set
 * adopted through one instance is in force in every other one from the commit on.
 */
export class ReferenceVersion1796950000000 implements MigrationInterface {
  name = 'ReferenceVersion1796950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reference_version" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "version" bigint NOT NULL)`,
    );
    await queryRunner.query(`INSERT INTO "reference_version" ("id", "version") VALUES (1, 1)`);
    await queryRunner.query(`
      CREATE FUNCTION reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE reference_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION reference_changed()`,
      );
    }
    // The app's role reads the counter and raises it through the triggers; it never deletes it.
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "reference_version" FROM anslag_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(`DROP TRIGGER "${table}_reference_changed" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION reference_changed()`);
    await queryRunner.query(`DROP TABLE "reference_version"`);
  }
}
