import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

const PLATFORMS = `'facebook', 'x', 'instagram', 'tiktok', 'nextdoor', 'google_reviews', 'whatsapp', 'other'`;
const STEP_KINDS = `'invite_discussion', 'contact_group_admins', 'formal_warning', 'removal_request'`;

/**
 * The social-media incident log. `incident_patients` are practice-local pseudonymous references
 * (never a name or NHS number) so incidents and the ladder's actions can be tied to one person;
 * the clinical record keeps who that is. Actions along the ladder are append-only: a warning or
 * a removal request, once recorded, is history.
 */
export class CreateSocialMediaIncidents1763800301000 implements MigrationInterface {
  name = 'CreateSocialMediaIncidents1763800301000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident_patients (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX incident_patients_label_key ON incident_patients (practice_id, lower(label))`,
    );

    await q.query(`
      CREATE TABLE social_media_incidents (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        platform text NOT NULL CHECK (platform IN (${PLATFORMS})),
        link text NOT NULL CHECK (link ~ '^https://' AND length(link) <= 2000),
        seen_at timestamptz NOT NULL,
        reported_by text NOT NULL CHECK (length(reported_by) BETWEEN 1 AND 200),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
        severity smallint NOT NULL CHECK (severity BETWEEN 1 AND 4),
        staff_named boolean NOT NULL DEFAULT false,
        patient_id uuid,
        logged_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        CONSTRAINT social_media_incidents_patient_fkey FOREIGN KEY (practice_id, patient_id) REFERENCES incident_patients (practice_id, id)
      )`);
    await q.query(
      `CREATE INDEX social_media_incidents_seen_idx ON social_media_incidents (practice_id, seen_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX social_media_incidents_patient_idx ON social_media_incidents (practice_id, patient_id) WHERE patient_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE incident_actions (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL,
        patient_id uuid,
        kind text NOT NULL CHECK (kind IN (${STEP_KINDS})),
        taken_on date NOT NULL,
        notes text CHECK (length(notes) BETWEEN 1 AND 4000),
        reasons text CHECK (length(reasons) BETWEEN 1 AND 4000),
        immediate boolean NOT NULL DEFAULT false,
        police_incident_reference text CHECK (length(police_incident_reference) BETWEEN 1 AND 100),
        no_warning_because text CHECK (length(no_warning_because) BETWEEN 1 AND 2000),
        effective_on date,
        written_confirmation_due_on date,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id),
        CONSTRAINT incident_actions_incident_fkey FOREIGN KEY (practice_id, incident_id) REFERENCES social_media_incidents (practice_id, id),
        CONSTRAINT incident_actions_patient_fkey FOREIGN KEY (practice_id, patient_id) REFERENCES incident_patients (practice_id, id),
        -- The legal minimums, restated where no code path can get round them.
        CONSTRAINT incident_actions_warning_check CHECK (kind <> 'formal_warning' OR (patient_id IS NOT NULL AND reasons IS NOT NULL)),
        CONSTRAINT incident_actions_removal_check CHECK (
          kind <> 'removal_request' OR (patient_id IS NOT NULL AND reasons IS NOT NULL AND effective_on IS NOT NULL)),
        CONSTRAINT incident_actions_immediate_check CHECK (
          NOT immediate OR (kind = 'removal_request' AND police_incident_reference IS NOT NULL AND written_confirmation_due_on IS NOT NULL)),
        CONSTRAINT incident_actions_removal_fields_check CHECK (
          kind = 'removal_request' OR (police_incident_reference IS NULL AND no_warning_because IS NULL
            AND effective_on IS NULL AND written_confirmation_due_on IS NULL))
      )`);
    await q.query(
      `CREATE INDEX incident_actions_incident_idx ON incident_actions (practice_id, incident_id, taken_on)`,
    );
    await q.query(
      `CREATE INDEX incident_actions_patient_idx ON incident_actions (practice_id, patient_id, taken_on) WHERE patient_id IS NOT NULL`,
    );

    for (const table of ['incident_patients', 'social_media_incidents', 'incident_actions']) {
      await isolateByPractice(q, table);
    }
    await grant(q, 'SELECT, INSERT', 'incident_patients');
    // Only linking a patient (identified later) changes a logged incident.
    await grant(q, 'SELECT, INSERT, UPDATE (patient_id, updated_at)', 'social_media_incidents');
    await grant(q, 'SELECT, INSERT', 'incident_actions');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['incident_actions', 'social_media_incidents', 'incident_patients']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
