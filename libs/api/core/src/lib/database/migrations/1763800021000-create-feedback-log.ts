import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

const KINDS = `'compliment', 'suggestion', 'complaint'`;
const STATUSES = `'received', 'acknowledged', 'investigating', 'responded', 'closed', 'withdrawn'`;
const SUBJECT_AREAS = `'clinical', 'access_appointments', 'communication', 'staff_attitude_behaviour', 'prescribing', 'practice_administration', 'premises', 'other'`;
const STAFF_GROUPS = `'gp', 'nurse', 'other_clinical', 'admin_reception', 'practice_management', 'other'`;

/**
 * The feedback and complaints log. `feedback_items` holds only coded facts (kind, channel, dates,
 * KO41(b) coding, outcome) that aggregates may later be built from; free text lives in
 * `feedback_texts` and contact details in `feedback_contacts`, so neither can be swept into an
 * aggregate by accident. Status history is append-only. Records are kept (10 years after
 * closure), so the application may not delete any of these rows.
 */
export class CreateFeedbackLog1763800021000 implements MigrationInterface {
  name = 'CreateFeedbackLog1763800021000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feedback_items (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        channel_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('staff', 'online_form', 'import')),
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        sentiment text NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
        oral boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'received' CHECK (status IN (${STATUSES})),
        subject_areas text[] NOT NULL DEFAULT '{}' CHECK (subject_areas <@ ARRAY[${SUBJECT_AREAS}]::text[]),
        staff_groups text[] NOT NULL DEFAULT '{}' CHECK (staff_groups <@ ARRAY[${STAFF_GROUPS}]::text[]),
        complainant_status text CHECK (complainant_status IN ('patient', 'relative_carer', 'representative', 'other')),
        age_band text CHECK (age_band IN ('age_0_15', 'age_16_64', 'age_65_74', 'age_75_84', 'age_85_plus', 'unknown')),
        event_on date,
        aware_on date,
        time_limit_waived boolean NOT NULL DEFAULT false,
        acknowledged_on date,
        responded_on date,
        closed_on date,
        delay_letter_sent_on date,
        outcome text CHECK (outcome IN ('upheld', 'partially_upheld', 'not_upheld')),
        phso_informed boolean NOT NULL DEFAULT false,
        outside_regulations boolean NOT NULL DEFAULT false,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        CONSTRAINT feedback_items_channel_fkey FOREIGN KEY (practice_id, channel_id) REFERENCES feedback_channels (practice_id, id),
        CONSTRAINT feedback_items_complaint_only_check CHECK (
          kind = 'complaint' OR (
            cardinality(subject_areas) = 0 AND cardinality(staff_groups) = 0 AND complainant_status IS NULL
            AND age_band IS NULL AND event_on IS NULL AND aware_on IS NULL AND NOT time_limit_waived
            AND outcome IS NULL AND NOT phso_informed AND NOT outside_regulations AND delay_letter_sent_on IS NULL)),
        CONSTRAINT feedback_items_outcome_when_closed_check CHECK (outcome IS NULL OR status = 'closed'),
        CONSTRAINT feedback_items_closed_complaint_check CHECK (
          status <> 'closed' OR kind <> 'complaint' OR outside_regulations OR (outcome IS NOT NULL AND phso_informed)),
        CONSTRAINT feedback_items_outside_regulations_check CHECK (NOT outside_regulations OR (oral AND status = 'closed')),
        CONSTRAINT feedback_items_final_check CHECK ((status IN ('closed', 'withdrawn')) = (closed_on IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX feedback_items_received_idx ON feedback_items (practice_id, received_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX feedback_items_channel_idx ON feedback_items (practice_id, channel_id)`,
    );
    await q.query(`
      CREATE INDEX feedback_items_open_complaints_idx ON feedback_items (practice_id, received_on)
        WHERE kind = 'complaint' AND status IN ('received', 'acknowledged', 'investigating')`);

    await q.query(`
      CREATE TABLE feedback_texts (
        practice_id uuid NOT NULL REFERENCES practices(id),
        feedback_id uuid NOT NULL,
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
        time_limit_waived_because text CHECK (length(time_limit_waived_because) BETWEEN 1 AND 1000),
        PRIMARY KEY (practice_id, feedback_id),
        CONSTRAINT feedback_texts_item_fkey FOREIGN KEY (practice_id, feedback_id) REFERENCES feedback_items (practice_id, id)
      )`);

    await q.query(`
      CREATE TABLE feedback_contacts (
        practice_id uuid NOT NULL REFERENCES practices(id),
        feedback_id uuid NOT NULL,
        name text CHECK (length(name) BETWEEN 1 AND 200),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        phone text CHECK (length(phone) BETWEEN 3 AND 40),
        PRIMARY KEY (practice_id, feedback_id),
        CONSTRAINT feedback_contacts_item_fkey FOREIGN KEY (practice_id, feedback_id) REFERENCES feedback_items (practice_id, id),
        CONSTRAINT feedback_contacts_something_check CHECK (coalesce(name, email, phone) IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE feedback_status_changes (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        feedback_id uuid NOT NULL,
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        effective_on date NOT NULL,
        actor_user_id uuid,
        -- clock_timestamp, not now(): steps written in one transaction (an import) keep their order.
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (practice_id, id),
        CONSTRAINT feedback_status_changes_item_fkey FOREIGN KEY (practice_id, feedback_id) REFERENCES feedback_items (practice_id, id)
      )`);
    await q.query(
      `CREATE INDEX feedback_status_changes_item_idx ON feedback_status_changes (practice_id, feedback_id, occurred_at)`,
    );

    // The online form's Idempotency-Key: the first submission's receipt, replayed to any retry.
    await q.query(`
      CREATE TABLE public_feedback_submissions (
        practice_id uuid NOT NULL REFERENCES practices(id),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        feedback_id uuid,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, idempotency_key),
        CONSTRAINT public_feedback_submissions_item_fkey FOREIGN KEY (practice_id, feedback_id) REFERENCES feedback_items (practice_id, id)
      )`);

    for (const table of [
      'feedback_items',
      'feedback_texts',
      'feedback_contacts',
      'feedback_status_changes',
      'public_feedback_submissions',
    ]) {
      await isolateByPractice(q, table);
    }
    await grant(q, 'SELECT, INSERT, UPDATE', 'feedback_items');
    await grant(q, 'SELECT, INSERT, UPDATE', 'feedback_texts');
    await grant(q, 'SELECT, INSERT', 'feedback_contacts');
    await grant(q, 'SELECT, INSERT', 'feedback_status_changes');
    await grant(q, 'SELECT, INSERT, UPDATE', 'public_feedback_submissions');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'public_feedback_submissions',
      'feedback_status_changes',
      'feedback_contacts',
      'feedback_texts',
      'feedback_items',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
