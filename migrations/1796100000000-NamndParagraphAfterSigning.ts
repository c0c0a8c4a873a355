import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signed decision stays immutable, with one exception: the protocol's § of the nämnd's own decision
 * may be recorded once, after the meeting, when it was not known on the day (its letter waits for it).
 */
export class NamndParagraphAfterSigning1796100000000 implements MigrationInterface {
  name = 'NamndParagraphAfterSigning1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION decision_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.status = 'signerat' THEN RAISE EXCEPTION 'a signed decision is immutable'; END IF;
                    RETURN OLD;
                END IF;
                IF OLD.status = 'signerat' AND (to_jsonb(NEW) - 'reported_in' - 'updated_at' - 'version')
                     IS DISTINCT FROM (to_jsonb(OLD) - 'reported_in' - 'updated_at' - 'version') THEN
                    RAISE EXCEPTION 'a signed decision is immutable';
                END IF;
                RETURN NEW;
            END $$
        `);
  }
}
