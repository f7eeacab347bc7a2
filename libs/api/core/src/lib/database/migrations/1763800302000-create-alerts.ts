import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

const KINDS = `'ladder_step_suggested', 'acknowledgement_overdue', 'delay_letter_due', 'volume_threshold', 'written_confirmation_due'`;

/**
 * Alerts raised when a practice's thresholds are crossed. `dedupe_key` names the condition
 * (e.g. one complaint's overdue acknowledgement), so evaluating the same facts again, by any API
 * process, inserts nothing new. Only the acknowledgement columns may change afterwards.
 * `alert_sweeps` records when each practice's clocks were last swept, so that with several API
 * processes one sweep per interval does the work.
 */
export class CreateAlerts1763800302000 implements MigrationInterface {
  name = 'CreateAlerts1763800302000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alerts (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 300),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
        subject_type text NOT NULL CHECK (subject_type IN ('feedback', 'incident', 'patient', 'practice')),
        subject_id uuid,
        due_on date,
        raised_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        PRIMARY KEY (practice_id, id),
        CONSTRAINT alerts_dedupe_key UNIQUE (practice_id, dedupe_key),
        CONSTRAINT alerts_acknowledged_check CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
      )`);
    await q.query(
      `CREATE INDEX alerts_raised_idx ON alerts (practice_id, raised_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX alerts_open_idx ON alerts (practice_id, raised_at DESC) WHERE acknowledged_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE alert_sweeps (
        practice_id uuid NOT NULL REFERENCES practices(id),
        swept_at timestamptz NOT NULL,
        PRIMARY KEY (practice_id)
      )`);

    await isolateByPractice(q, 'alerts');
    await isolateByPractice(q, 'alert_sweeps');
    await grant(q, 'SELECT, INSERT, UPDATE (acknowledged_at, acknowledged_by)', 'alerts');
    await grant(q, 'SELECT, INSERT, UPDATE', 'alert_sweeps');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE alert_sweeps');
    await q.query('DROP TABLE alerts');
  }
}
