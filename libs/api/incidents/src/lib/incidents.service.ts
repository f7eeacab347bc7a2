import { Injectable } from '@nestjs/common';
import { AlertKind, type AlertEvent, AlertsService, AlertSubjectType } from '@parley/api/alerts';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  InputError,
  isUniqueViolation,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { EscalationSettingsService, type PracticeEscalationSettings } from '@parley/api/escalation';
import { type IsoDate, londonDateOf } from '@parley/shared/domain';
import {
  type ActionRow,
  INCIDENT_COLUMNS,
  INCIDENT_FROM,
  type IncidentRow,
  loadActions,
  loadPatientIncidents,
  toAction,
} from './incident-rows';
import type {
  AddIncidentPatientInput,
  Incident,
  IncidentPatient,
  IncidentsArgs,
  LogIncidentInput,
} from './incident.types';
import { ladderProgress } from './ladder-progress';

/** Ten digits, however spaced or hyphenated: what an NHS number looks like. */
const NHS_NUMBER_LIKE = /\d{3}[\s-]*\d{3}[\s-]*\d{4}/;
/** Allowance for clocks of the device that reports a post. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The social-media incident log: incidents, the pseudonymous patients they are linked to, and
 * where each stands on the practice's ladder. Whenever an incident changes, the ladder is
 * evaluated again and a suggested step raises an alert (once per patient and step).
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly settings: EscalationSettingsService,
    private readonly alerts: AlertsService,
  ) {}

  list(ctx: RequestContext, args: IncidentsArgs): Promise<Incident[]> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      if (args.patientId) await this.requirePatientIn(uow, args.patientId);
      const rows = await uow.query<IncidentRow>(
        `SELECT ${INCIDENT_COLUMNS} FROM ${INCIDENT_FROM}
          WHERE i.practice_id = $1 AND ($2::uuid IS NULL OR i.patient_id = $2) AND ($3::int IS NULL OR i.severity >= $3)
          ORDER BY i.seen_at DESC, i.id DESC
          LIMIT $4`,
        [practiceId, args.patientId ?? null, args.minSeverity ?? null, args.limit ?? 50],
      );
      return this.viewsIn(uow, rows);
    });
  }

  get(ctx: RequestContext, id: string): Promise<Incident> {
    return this.database.run(ctx, (uow) => this.viewIn(uow, id));
  }

  async log(ctx: RequestContext, input: LogIncidentInput): Promise<Incident> {
    const practiceId = ctx.practiceId;
    if (input.seenAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS)
      throw new InputError('seenAt cannot be in the future.', 'seenAt');
    const fields = {
      link: input.link.trim(),
      reportedBy: requiredText(input.reportedBy, 'reportedBy'),
      summary: requiredText(input.summary, 'summary'),
    };
    const { incident, raised } = await this.database.run(ctx, async (uow) => {
      if (input.patientId) await this.requirePatientIn(uow, input.patientId);
      const [{ id }] = await uow.query<{ id: string }>(
        `INSERT INTO social_media_incidents (practice_id, platform, link, seen_at, reported_by, summary, severity, staff_named, patient_id, logged_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          practiceId,
          input.platform,
          fields.link,
          input.seenAt,
          fields.reportedBy,
          fields.summary,
          input.severity,
          input.staffNamed ?? false,
          input.patientId ?? null,
          ctx.userId,
        ],
      );
      await this.audit.practice(ctx, uow, {
        action: 'incident.logged',
        entityType: 'social_media_incident',
        entityId: id,
        details: {
          platform: input.platform,
          severity: input.severity,
          staffNamed: input.staffNamed ?? false,
          patientId: input.patientId ?? null,
        },
      });
      return this.afterChangeIn(ctx, uow, id);
    });
    await this.alerts.publish([raised]);
    return incident;
  }

  /** Links a patient identified after the incident was logged. Steps already recorded keep theirs. */
  async linkPatient(ctx: RequestContext, incidentId: string, patientId: string): Promise<Incident> {
    const practiceId = ctx.practiceId;
    const { incident, raised } = await this.database.run(ctx, async (uow) => {
      const [current] = await uow.query<{ patient_id: string | null }>(
        'SELECT patient_id FROM social_media_incidents WHERE practice_id = $1 AND id = $2 FOR UPDATE',
        [practiceId, incidentId],
      );
      if (!current) throw new NotFoundError('The incident');
      await this.requirePatientIn(uow, patientId);
      if (current.patient_id === patientId)
        return { incident: await this.viewIn(uow, incidentId), raised: null };
      if (current.patient_id) {
        const [{ count }] = await uow.query<{ count: number }>(
          'SELECT count(*)::int AS count FROM incident_actions WHERE practice_id = $1 AND incident_id = $2',
          [practiceId, incidentId],
        );
        if (count > 0) {
          throw new ConflictError(
            'Steps have been recorded for the patient this incident is linked to, so it cannot be moved to another.',
            'patientId',
          );
        }
      }
      await uow.query(
        'UPDATE social_media_incidents SET patient_id = $3, updated_at = now() WHERE practice_id = $1 AND id = $2',
        [practiceId, incidentId, patientId],
      );
      await this.audit.practice(ctx, uow, {
        action: 'incident.patient_linked',
        entityType: 'social_media_incident',
        entityId: incidentId,
        details: { patientId, previousPatientId: current.patient_id },
      });
      return this.afterChangeIn(ctx, uow, incidentId);
    });
    await this.alerts.publish([raised]);
    return incident;
  }

  patients(ctx: RequestContext): Promise<IncidentPatient[]> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      const rows = await uow.query<{
        id: string;
        label: string;
        incident_count: number;
        created_at: Date;
      }>(
        `SELECT p.id, p.label, p.created_at,
                (SELECT count(*)::int FROM social_media_incidents i WHERE i.practice_id = p.practice_id AND i.patient_id = p.id) AS incident_count
           FROM incident_patients p WHERE p.practice_id = $1 ORDER BY lower(p.label)`,
        [practiceId],
      );
      return rows.map((r) => ({
        id: r.id,
        label: r.label,
        incidentCount: r.incident_count,
        createdAt: new Date(r.created_at),
      }));
    });
  }

  async addPatient(ctx: RequestContext, input: AddIncidentPatientInput): Promise<IncidentPatient> {
    const practiceId = ctx.practiceId;
    const label = requiredText(input.label, 'label');
    if (NHS_NUMBER_LIKE.test(label)) {
      throw new InputError(
        'label looks like an NHS number: use a practice-local reference (e.g. P-0042) instead.',
        'label',
      );
    }
    try {
      return await this.database.run(ctx, async (uow) => {
        const [row] = await uow.query<{ id: string; created_at: Date }>(
          'INSERT INTO incident_patients (practice_id, label, created_by) VALUES ($1, $2, $3) RETURNING id, created_at',
          [practiceId, label, ctx.userId],
        );
        // The label stays out of the audit trail: it points at a person.
        await this.audit.practice(ctx, uow, {
          action: 'incident_patient.added',
          entityType: 'incident_patient',
          entityId: row.id,
        });
        return { id: row.id, label, incidentCount: 0, createdAt: new Date(row.created_at) };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(
          `The practice already has a patient reference "${label}".`,
          'label',
        );
      throw error;
    }
  }

  /** The incident as shown, inside the caller's unit of work; not found for another practice's id. */
  async viewIn(
    uow: UnitOfWork,
    id: string,
    settings?: PracticeEscalationSettings,
  ): Promise<Incident> {
    const rows = await uow.query<IncidentRow>(
      `SELECT ${INCIDENT_COLUMNS} FROM ${INCIDENT_FROM} WHERE i.practice_id = $1 AND i.id = $2`,
      [uow.practiceId, id],
    );
    if (!rows[0]) throw new NotFoundError('The incident');
    const [incident] = await this.viewsIn(uow, rows, settings);
    return incident;
  }

  /**
   * After an incident or its steps changed: the incident as it now stands, and the alert its
   * suggested step raises (null when there is none, or it was raised before). Publish after commit.
   */
  async afterChangeIn(
    ctx: RequestContext,
    uow: UnitOfWork,
    incidentId: string,
  ): Promise<{ incident: Incident; raised: AlertEvent | null }> {
    const { settings } = await this.settings.inForceIn(uow);
    const incident = await this.viewIn(uow, incidentId, settings);
    const step = incident.nextSuggestedStep;
    if (!step) return { incident, raised: null };
    const patient = incident.patient;
    const raised = await this.alerts.raiseIn(ctx, uow, {
      kind: AlertKind.LadderStepSuggested,
      dedupeKey: patient
        ? `ladder:patient:${patient.id}:${step.kind}`
        : `ladder:incident:${incident.id}:${step.kind}`,
      subject: patient
        ? `Patient ${patient.label}: ${step.label} is suggested (${lowerFirst(step.reason)}).`
        : `Incident seen on ${londonDateOf(incident.seenAt)} (${incident.platform}): ${step.label} is suggested (${lowerFirst(step.reason)}).`,
      subjectType: patient ? AlertSubjectType.Patient : AlertSubjectType.Incident,
      subjectId: patient ? patient.id : incident.id,
      dueOn: null,
    });
    return { incident, raised };
  }

  async requirePatientIn(uow: UnitOfWork, patientId: string): Promise<void> {
    const rows = await uow.query(
      'SELECT 1 FROM incident_patients WHERE practice_id = $1 AND id = $2',
      [uow.practiceId, patientId],
    );
    if (rows.length === 0) throw new NotFoundError('The patient');
  }

  private async viewsIn(
    uow: UnitOfWork,
    rows: IncidentRow[],
    settings?: PracticeEscalationSettings,
  ): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const ladderSettings = settings ?? (await this.settings.inForceIn(uow)).settings;
    const today: IsoDate = londonDateOf(new Date());
    const patientIds = [
      ...new Set(rows.map((r) => r.patient_id).filter((id): id is string => id !== null)),
    ];
    const patientIncidents = await loadPatientIncidents(uow, patientIds);
    const incidentIds = new Set(rows.map((r) => r.id));
    for (const list of patientIncidents.values()) list.forEach((i) => incidentIds.add(i.id));
    const actions = await loadActions(uow, [...incidentIds], patientIds);

    return rows.map((row) => {
      const own = actions.filter((a) => a.incident_id === row.id);
      let facts: Parameters<typeof ladderProgress>[1];
      if (row.patient_id) {
        const theirs = patientIncidents.get(row.patient_id) ?? [];
        const theirIds = new Set(theirs.map((i) => i.id));
        const steps = actions.filter(
          (a) => a.patient_id === row.patient_id || theirIds.has(a.incident_id),
        );
        facts = { scope: 'patient', incidents: theirs, steps: steps.map(stepOf) };
      } else {
        facts = {
          scope: 'incident',
          incidents: [{ seenOn: londonDateOf(new Date(row.seen_at)), severity: row.severity }],
          steps: own.map(stepOf),
        };
      }
      const { ladder, nextSuggestedStep } = ladderProgress(ladderSettings, facts, today);
      return {
        id: row.id,
        platform: row.platform,
        link: row.link,
        seenAt: new Date(row.seen_at),
        reportedBy: row.reported_by,
        summary: row.summary,
        severity: row.severity,
        staffNamed: row.staff_named,
        patient:
          row.patient_id && row.patient_label && row.patient_created_at
            ? {
                id: row.patient_id,
                label: row.patient_label,
                incidentCount: patientIncidents.get(row.patient_id)?.length ?? 0,
                createdAt: new Date(row.patient_created_at),
              }
            : null,
        loggedBy: row.logged_by_name,
        loggedAt: new Date(row.created_at),
        actions: own.map(toAction),
        ladder,
        nextSuggestedStep,
      };
    });
  }
}

function stepOf(action: ActionRow): { kind: ActionRow['kind']; takenOn: IsoDate } {
  return { kind: action.kind, takenOn: action.taken_on };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new InputError(`${field} is required.`, field);
  return text;
}

export function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}
