import type { UnitOfWork } from '@parley/api/core';
import {
  ESCALATION_STEP_KIND_LABELS,
  type EscalationStepKind,
  type IncidentSeverity,
  type IsoDate,
  londonDateOf,
} from '@parley/shared/domain';
import type { IncidentAction, IncidentPlatform } from './incident.types';

export interface IncidentRow {
  id: string;
  platform: IncidentPlatform;
  link: string;
  seen_at: Date;
  reported_by: string;
  summary: string;
  severity: IncidentSeverity;
  staff_named: boolean;
  patient_id: string | null;
  patient_label: string | null;
  patient_created_at: Date | null;
  logged_by_name: string | null;
  created_at: Date;
}

/** Columns of `social_media_incidents i` with its patient and logger. */
export const INCIDENT_COLUMNS = `i.id, i.platform, i.link, i.seen_at, i.reported_by, i.summary, i.severity::int AS severity, i.staff_named,
  i.patient_id, p.label AS patient_label, p.created_at AS patient_created_at, u.name AS logged_by_name, i.created_at`;
export const INCIDENT_FROM = `social_media_incidents i
  LEFT JOIN incident_patients p ON p.practice_id = i.practice_id AND p.id = i.patient_id
  LEFT JOIN users u ON u.id = i.logged_by`;

export interface ActionRow {
  id: string;
  incident_id: string;
  patient_id: string | null;
  kind: EscalationStepKind;
  taken_on: IsoDate;
  notes: string | null;
  reasons: string | null;
  immediate: boolean;
  police_incident_reference: string | null;
  no_warning_because: string | null;
  effective_on: IsoDate | null;
  written_confirmation_due_on: IsoDate | null;
  recorded_by_name: string | null;
  recorded_at: Date;
}

const ACTION_COLUMNS = `a.id, a.incident_id, a.patient_id, a.kind, to_char(a.taken_on, 'YYYY-MM-DD') AS taken_on, a.notes, a.reasons, a.immediate,
  a.police_incident_reference, a.no_warning_because, to_char(a.effective_on, 'YYYY-MM-DD') AS effective_on,
  to_char(a.written_confirmation_due_on, 'YYYY-MM-DD') AS written_confirmation_due_on, u.name AS recorded_by_name, a.recorded_at`;

export function toAction(row: ActionRow): IncidentAction {
  return {
    id: row.id,
    incidentId: row.incident_id,
    kind: row.kind,
    label: ESCALATION_STEP_KIND_LABELS[row.kind],
    takenOn: row.taken_on,
    notes: row.notes,
    reasons: row.reasons,
    immediate: row.immediate,
    policeIncidentReference: row.police_incident_reference,
    noWarningBecause: row.no_warning_because,
    effectiveOn: row.effective_on,
    writtenConfirmationDueOn: row.written_confirmation_due_on,
    recordedBy: row.recorded_by_name,
    recordedAt: new Date(row.recorded_at),
  };
}

/** Actions recorded against these incidents or for these patients. */
export function loadActions(
  uow: UnitOfWork,
  incidentIds: readonly string[],
  patientIds: readonly string[],
): Promise<ActionRow[]> {
  return uow.query<ActionRow>(
    `SELECT ${ACTION_COLUMNS}
       FROM incident_actions a LEFT JOIN users u ON u.id = a.recorded_by
      WHERE a.practice_id = $1 AND (a.incident_id = ANY($2::uuid[]) OR a.patient_id = ANY($3::uuid[]))
      ORDER BY a.taken_on, a.recorded_at, a.id`,
    [uow.practiceId, incidentIds, patientIds],
  );
}

/** Each patient's incidents as the ladder counts them: the UK day seen, and severity. */
export async function loadPatientIncidents(
  uow: UnitOfWork,
  patientIds: readonly string[],
): Promise<Map<string, { id: string; seenOn: IsoDate; severity: IncidentSeverity }[]>> {
  const rows =
    patientIds.length === 0
      ? []
      : await uow.query<{
          id: string;
          patient_id: string;
          seen_at: Date;
          severity: IncidentSeverity;
        }>(
          `SELECT id, patient_id, seen_at, severity::int AS severity FROM social_media_incidents
            WHERE practice_id = $1 AND patient_id = ANY($2::uuid[])`,
          [uow.practiceId, patientIds],
        );
  const byPatient = new Map<
    string,
    { id: string; seenOn: IsoDate; severity: IncidentSeverity }[]
  >();
  for (const row of rows) {
    const list = byPatient.get(row.patient_id) ?? [];
    list.push({ id: row.id, seenOn: londonDateOf(new Date(row.seen_at)), severity: row.severity });
    byPatient.set(row.patient_id, list);
  }
  return byPatient;
}
