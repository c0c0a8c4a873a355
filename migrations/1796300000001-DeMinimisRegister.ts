import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The central de minimis register's reference on a decision. A signed decision stays immutable; besides
 * the report stamp and the nämnd's § (1796100000000), it allows the one step from 'ska_registreras' to
 * 'registrerad' with the register's reference.
 */
export class DeMinimisRegister1796300000001 implements MigrationInterface {
  name = 'DeMinimisRegister1796300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "decision"
            ADD "de_minimis_register_reference" text
        `);
    // A signed decision stays immutable, except for the one step into the central de minimis register.
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION decision_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                free text[] := ARRAY['reported_in', 'updated_at', 'version'];
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.status = 'signerat' THEN RAISE EXCEPTION 'a signed decision is immutable'; END IF;
                    RETURN OLD;
                END IF;
                IF OLD.status = 'signerat' AND OLD.decided_by_namnd AND OLD.namnd_paragraph IS NULL THEN
                    free := array_append(free, 'namnd_paragraph');
                END IF;
                IF OLD.status = 'signerat' AND OLD.de_minimis_register_status = 'ska_registreras'
                     AND NEW.de_minimis_register_status = 'registrerad'
                     AND NEW.de_minimis_register_reference IS NOT NULL THEN
                    free := free || ARRAY['de_minimis_register_status', 'de_minimis_register_reference'];
                END IF;
                IF OLD.status = 'signerat' AND (to_jsonb(NEW) - free) IS DISTINCT FROM (to_jsonb(OLD) - free) THEN
                    RAISE EXCEPTION 'a signed decision is immutable';
                END IF;
                RETURN NEW;
            END $$
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION decision_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                free text[] := ARRAY['reported_in', 'updated_at', 'version'];
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.status = 'signerat' THEN RAISE EXCEPTION 'a signed decision is immutable'; END IF;
                    RETURN OLD;
                END IF;
                IF OLD.status = 'signerat' AND OLD.decided_by_namnd AND OLD.namnd_paragraph IS NULL THEN
                    free := array_append(free, 'namnd_paragraph');
                END IF;
                IF OLD.status = 'signerat' AND (to_jsonb(NEW) - free) IS DISTINCT FROM (to_jsonb(OLD) - free) THEN
                    RAISE EXCEPTION 'a signed decision is immutable';
                END IF;
                RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            ALTER TABLE "decision" DROP COLUMN "de_minimis_register_reference"
        `);
  }
}
