import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

/**
 * Each practice's escalation thresholds (ladder, removal rules, complaint clocks, volume alert).
 * Every save appends a version; the highest number is the one in force. A practice with no row
 * runs on the shared defaults. The application may add versions, never change or delete one.
 */
export class CreateEscalationSettingsVersions1763800300000 implements MigrationInterface {
  name = 'CreateEscalationSettingsVersions1763800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalation_settings_versions (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        version_number integer NOT NULL CHECK (version_number >= 1),
        settings jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
        note text CHECK (length(note) BETWEEN 1 AND 500),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        CONSTRAINT escalation_settings_versions_number_key UNIQUE (practice_id, version_number)
      )`);
    await isolateByPractice(q, 'escalation_settings_versions');
    await grant(q, 'SELECT, INSERT', 'escalation_settings_versions');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE escalation_settings_versions');
  }
}
