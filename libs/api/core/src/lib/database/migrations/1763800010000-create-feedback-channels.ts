import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

/**
 * The feedback channels each practice offers (letter box, in person, email, phone, NHS website,
 * online form). Lengths are checked here as well as in the service, so no path can store more.
 */
export class CreateFeedbackChannels1763800010000 implements MigrationInterface {
  name = 'CreateFeedbackChannels1763800010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feedback_channels (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('letter_box', 'in_person', 'email', 'phone', 'nhs_website', 'online_form')),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        policy_text text NOT NULL CHECK (length(policy_text) BETWEEN 1 AND 4000),
        instructions text CHECK (length(instructions) <= 1000),
        address text CHECK (length(address) <= 500),
        position integer NOT NULL CHECK (position >= 0),
        enabled boolean NOT NULL DEFAULT true,
        show_in_policy boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        CONSTRAINT feedback_channels_online_form_address_check CHECK (kind <> 'online_form' OR address IS NULL)
      )`);
    await q.query(
      `CREATE INDEX feedback_channels_order_idx ON feedback_channels (practice_id, position)`,
    );
    await isolateByPractice(q, 'feedback_channels');
    await grant(q, 'SELECT, INSERT, UPDATE, DELETE', 'feedback_channels');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE feedback_channels');
  }
}
