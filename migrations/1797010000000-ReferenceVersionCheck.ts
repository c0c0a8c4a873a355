import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check of the reference counter (migration ReferenceVersion) inside a write's own statement: a write
 * validated against the catalogues and rules an api instance keeps, without reading the counter first,
 * commits only if the counter is still at the value they were read at; otherwise its statement fails with
 * a serialisation failure (40001, "reference data changed") and the api decides the write again on the
 * reference data as they are now (libs/database ReferenceCache.unchangedSql).
 */
export class ReferenceVersionCheck1797010000000 implements MigrationInterface {
  name = 'ReferenceVersionCheck1797010000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION reference_version_unchanged(expected bigint) RETURNS boolean
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        IF (SELECT version FROM reference_version WHERE id = 1) IS DISTINCT FROM expected THEN
          RAISE EXCEPTION 'reference data changed' USING ERRCODE = '40001';
        END IF;
        RETURN true;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION reference_version_unchanged(bigint)`);
  }
}
