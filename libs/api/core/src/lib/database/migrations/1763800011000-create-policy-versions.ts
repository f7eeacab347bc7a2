import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

/**
 * Versions of each practice's policy wording: one draft at a time, one published, the rest
 * superseded. A published version carries a frozen snapshot (title, html, text, channels,
 * practice name) that public reads serve as it is, so a later channel change never alters it.
 */
export class CreatePolicyVersions1763800011000 implements MigrationInterface {
  name = 'CreatePolicyVersions1763800011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_versions (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        version_number integer NOT NULL CHECK (version_number >= 1),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
        document jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
        effective_date date NOT NULL,
        based_on_id uuid,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(warnings) = 'array'),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        published_at timestamptz,
        superseded_at timestamptz,
        title text,
        html text,
        text text,
        channels jsonb CHECK (jsonb_typeof(channels) = 'array'),
        practice_name text,
        PRIMARY KEY (practice_id, id),
        CONSTRAINT policy_versions_number_key UNIQUE (practice_id, version_number),
        CONSTRAINT policy_versions_based_on_fkey FOREIGN KEY (practice_id, based_on_id) REFERENCES policy_versions (practice_id, id),
        CONSTRAINT policy_versions_snapshot_check CHECK (
          status = 'draft'
          OR (published_at IS NOT NULL AND title IS NOT NULL AND html IS NOT NULL AND text IS NOT NULL
              AND channels IS NOT NULL AND practice_name IS NOT NULL)),
        CONSTRAINT policy_versions_superseded_check CHECK ((status = 'superseded') = (superseded_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX policy_versions_one_draft ON policy_versions (practice_id) WHERE status = 'draft'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX policy_versions_one_published ON policy_versions (practice_id) WHERE status = 'published'`,
    );

    // A published snapshot is immutable: the only change is published -> superseded, and only
    // drafts may be deleted. Enforced here so no code path (or hand-written SQL) can edit history.
    await q.query(`
      CREATE FUNCTION policy_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'policy version % is published history and cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status <> 'draft' AND NOT (
          OLD.status = 'published' AND NEW.status = 'superseded'
          AND (to_jsonb(NEW) - 'status' - 'superseded_at') = (to_jsonb(OLD) - 'status' - 'superseded_at')
        ) THEN
          RAISE EXCEPTION 'policy version % is published history and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions
        FOR EACH ROW EXECUTE FUNCTION policy_versions_guard()`);

    await isolateByPractice(q, 'policy_versions');
    await grant(q, 'SELECT, INSERT, UPDATE, DELETE', 'policy_versions');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE policy_versions');
    await q.query('DROP FUNCTION policy_versions_guard()');
  }
}
