import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The api and the worker connect as `anslag_app`, a role that owns nothing: it reads and writes rows,
 * and cannot change the schema, drop or disable the triggers that keep the history, the personal data
 * log and signed decisions as they are, or truncate anything. Migrations run as the owner.
 *
 * The role is created here when missing (the demo, the tests and CI: PostgreSQL on loopback with trust
 * authentication). In production the database administrator creates it with a password first
 * (`CREATE ROLE anslag_app LOGIN PASSWORD '…'`) and the api is given DATABASE_APP_URL.
 */
export class ApplicationRole1796400000001 implements MigrationInterface {
  name = 'ApplicationRole1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Roles belong to the cluster: several databases migrating at once may race to create it.
    await queryRunner.query(`
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anslag_app') THEN
                    CREATE ROLE anslag_app LOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
        `);
    await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO anslag_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO anslag_app`,
    );
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO anslag_app`);
    // Tables added by later migrations (run by the same owner) get the same rights.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO anslag_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO anslag_app`,
    );
    // Append-only tables: written and read, never changed. The triggers stay as the second guard.
    for (const table of ['case_history', 'organisation_history', 'personal_data_access', 'migrations'])
      await queryRunner.query(`REVOKE UPDATE, DELETE ON "${table}" FROM anslag_app`);
    await queryRunner.query(`REVOKE INSERT ON "migrations" FROM anslag_app`);
    await queryRunner.query(`
            CREATE TRIGGER personal_data_access_no_truncate BEFORE TRUNCATE ON "personal_data_access"
            FOR EACH STATEMENT EXECUTE FUNCTION append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS personal_data_access_no_truncate ON "personal_data_access"`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM anslag_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM anslag_app`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM anslag_app`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM anslag_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM anslag_app`);
    await queryRunner.query(`GRANT CREATE ON SCHEMA public TO PUBLIC`);
    // The role itself stays: other databases of the cluster may use it.
  }
}
