import { Injectable } from '@nestjs/common';
import { AlertKind, type AlertEvent, AlertsService, AlertSubjectType } from '@parley/api/alerts';
import { AuditService } from '@parley/api/audit';
import {
  Database,
  InputError,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { EscalationSettingsService, type RemovalRules } from '@parley/api/escalation';
import {
  addDays,
  addMonths,
  checkRemovalRequest,
  compareIsoDates,
  type EscalationStepKind,
  earliestValidWarningDate,
  type IsoDate,
  londonDateOf,
  reasonsRequired,
  type RemovalRefusalCode,
} from '@parley/shared/domain';
import { type ActionRow, loadActions, toAction } from './incident-rows';
import type {
  CheckRemovalArgs,
  Incident,
  IncidentAction,
  RecordLadderStepInput,
  RecordWarningInput,
  RemovalCheck,
  RequestRemovalInput,
} from './incident.types';
import { IncidentsService, optionalText, requiredText } from './incidents.service';

/** The result of recording a step: the step, and the incident as it now stands on the ladder. */
export interface RecordedStep {
  action: IncidentAction;
  incident: Incident;
}

interface IncidentFacts {
  patientId: string | null;
  patientLabel: string | null;
  seenOn: IsoDate;
}

interface RemovalRequestFacts {
  requestedOn: IsoDate;
  immediate: boolean;
  policeIncidentReference: string | null;
  noWarningBecause: string | null;
}

type RemovalOutcome =
  | {
      ok: true;
      effectiveOn: IsoDate;
      writtenConfirmationDueOn: IsoDate | null;
      warningGivenOn: IsoDate | null;
      earliest: IsoDate;
    }
  | { ok: false; message: string; field: string; earliest: IsoDate };

const REFUSAL_FIELDS: Readonly<Record<RemovalRefusalCode, string>> = {
  police_reference_required: 'policeIncidentReference',
  no_warning: 'requestedOn',
  warning_too_old: 'requestedOn',
  warning_without_reasons: 'requestedOn',
  reasons_required: 'reasons',
};

/**
 * Steps along the ladder. Invitations and contacting a group's administrators are logged by
 * staff; warnings and removal requests are for managers and follow the removal rules: a warning
 * with reasons within the preceding 12 months (or fewer, if the practice says so) before an
 * ordinary removal, a police incident reference before an immediate one.
 */
@Injectable()
export class IncidentActionsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly settings: EscalationSettingsService,
    private readonly alerts: AlertsService,
    private readonly incidents: IncidentsService,
  ) {}

  recordStep(ctx: RequestContext, input: RecordLadderStepInput): Promise<RecordedStep> {
    return this.record(ctx, input.incidentId, async (uow, facts) => {
      checkStepDate(input.takenOn, facts, 'takenOn');
      return this.insert(ctx, uow, input.incidentId, facts, input.kind, input.takenOn, {
        notes: optionalText(input.notes),
      });
    });
  }

  recordWarning(ctx: RequestContext, input: RecordWarningInput): Promise<RecordedStep> {
    return this.record(ctx, input.incidentId, async (uow, facts) => {
      requirePatient(facts, 'A warning is given to a patient');
      checkStepDate(input.givenOn, facts, 'givenOn');
      const reasons = reasonsRequired(input.reasons);
      if (!reasons.ok) throw new InputError(reasons.reason, 'reasons');
      return this.insert(ctx, uow, input.incidentId, facts, 'formal_warning', input.givenOn, {
        notes: optionalText(input.notes),
        reasons: input.reasons.trim(),
      });
    });
  }

  requestRemoval(ctx: RequestContext, input: RequestRemovalInput): Promise<RecordedStep> {
    return this.record(ctx, input.incidentId, async (uow, facts, events) => {
      requirePatient(facts, 'A removal request is for a patient');
      checkStepDate(input.requestedOn, facts, 'requestedOn');
      const reasons = requiredText(input.reasons, 'reasons');
      const request = removalFacts(input);
      const outcome = await this.evaluateRemoval(uow, facts, request);
      if (!outcome.ok) throw new InputError(outcome.message, outcome.field);
      const action = await this.insert(
        ctx,
        uow,
        input.incidentId,
        facts,
        'removal_request',
        input.requestedOn,
        {
          notes: optionalText(input.notes),
          reasons,
          immediate: request.immediate,
          policeIncidentReference: request.immediate ? request.policeIncidentReference : null,
          noWarningBecause: outcome.warningGivenOn ? null : request.noWarningBecause,
          effectiveOn: outcome.effectiveOn,
          writtenConfirmationDueOn: outcome.writtenConfirmationDueOn,
        },
      );
      if (outcome.writtenConfirmationDueOn) {
        events.push(
          await this.alerts.raiseIn(ctx, uow, {
            kind: AlertKind.WrittenConfirmationDue,
            dedupeKey: `written_confirmation_due:${action.id}`,
            subject: `Immediate removal of patient ${facts.patientLabel} requested on ${input.requestedOn}: confirm it in writing by ${outcome.writtenConfirmationDueOn}.`,
            subjectType: AlertSubjectType.Patient,
            subjectId: facts.patientId,
            dueOn: outcome.writtenConfirmationDueOn,
          }),
        );
      }
      return action;
    });
  }

  /** Whether a removal request would stand, without making it. */
  checkRemoval(ctx: RequestContext, args: CheckRemovalArgs): Promise<RemovalCheck> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      const facts = await this.factsIn(uow, practiceId, args.incidentId);
      const request = removalFacts(args);
      const outcome: RemovalOutcome = facts.patientId
        ? await this.evaluateRemoval(uow, facts, request)
        : {
            ok: false,
            message: 'Link the incident to a patient first: a removal request is for a patient.',
            field: 'incidentId',
            earliest: earliestValidWarningDate(request.requestedOn),
          };
      return outcome.ok
        ? {
            allowed: true,
            refusal: null,
            field: null,
            effectiveOn: outcome.effectiveOn,
            writtenConfirmationDueOn: outcome.writtenConfirmationDueOn,
            earliestValidWarningDate: outcome.earliest,
            warningGivenOn: outcome.warningGivenOn,
          }
        : {
            allowed: false,
            refusal: outcome.message,
            field: outcome.field,
            effectiveOn: null,
            writtenConfirmationDueOn: null,
            earliestValidWarningDate: outcome.earliest,
            warningGivenOn: null,
          };
    });
  }

  /** The legal rules (shared) first, then the practice's own stricter ones. */
  private async evaluateRemoval(
    uow: UnitOfWork,
    facts: IncidentFacts,
    request: RemovalRequestFacts,
  ): Promise<RemovalOutcome> {
    const rules: RemovalRules = (await this.settings.inForceIn(uow)).settings.removalRules;
    const earliest = laterDate(
      earliestValidWarningDate(request.requestedOn),
      addMonths(request.requestedOn, -rules.warningValidMonths),
    );
    if (
      !request.immediate &&
      request.noWarningBecause &&
      !rules.allowRemovalWithoutWarningWhenUnsafe
    ) {
      return {
        ok: false,
        message:
          'The practice’s removal rules do not allow a removal without a warning: give the patient a warning with reasons first.',
        field: 'noWarningBecause',
        earliest,
      };
    }
    const warnings = (await loadActions(uow, [], [facts.patientId as string]))
      .filter((a) => a.kind === 'formal_warning')
      .map((a) => ({ givenOn: a.taken_on, reasons: a.reasons ?? '' }));
    const check = checkRemovalRequest({
      requestedOn: request.requestedOn,
      immediate: request.immediate,
      policeIncidentReference: request.policeIncidentReference ?? undefined,
      noWarningBecause: request.noWarningBecause ?? undefined,
      warnings,
    });
    if (!check.ok)
      return { ok: false, message: check.reason, field: REFUSAL_FIELDS[check.code], earliest };
    if (request.immediate) {
      return {
        ok: true,
        effectiveOn: check.effectiveOn,
        writtenConfirmationDueOn: addDays(request.requestedOn, rules.writtenConfirmationDays),
        warningGivenOn: null,
        earliest,
      };
    }
    if (!check.warningRelied)
      return {
        ok: true,
        effectiveOn: check.effectiveOn,
        writtenConfirmationDueOn: null,
        warningGivenOn: null,
        earliest,
      };
    // The most recent warning with reasons, which must also meet the practice's own window.
    const relied = warnings
      .filter((w) => w.reasons.trim() && compareIsoDates(w.givenOn, request.requestedOn) <= 0)
      .map((w) => w.givenOn)
      .sort(compareIsoDates)
      .pop() as IsoDate;
    if (compareIsoDates(relied, earliest) < 0) {
      return {
        ok: false,
        message: `The practice requires a warning within the preceding ${rules.warningValidMonths} months: a warning must have been given on or after ${earliest}.`,
        field: 'requestedOn',
        earliest,
      };
    }
    return {
      ok: true,
      effectiveOn: check.effectiveOn,
      writtenConfirmationDueOn: null,
      warningGivenOn: relied,
      earliest,
    };
  }

  /** One unit of work: the step, the audit record and any alert; alerts go live after the commit. */
  private async record(
    ctx: RequestContext,
    incidentId: string,
    work: (
      uow: UnitOfWork,
      facts: IncidentFacts,
      events: (AlertEvent | null)[],
    ) => Promise<IncidentAction>,
  ): Promise<RecordedStep> {
    const practiceId = ctx.practiceId;
    const { result, events } = await this.database.run(ctx, async (uow) => {
      const facts = await this.factsIn(uow, practiceId, incidentId, true);
      const events: (AlertEvent | null)[] = [];
      const action = await work(uow, facts, events);
      const { incident, raised } = await this.incidents.afterChangeIn(ctx, uow, incidentId);
      events.push(raised);
      return { result: { action, incident }, events };
    });
    await this.alerts.publish(events);
    return result;
  }

  private async factsIn(
    uow: UnitOfWork,
    practiceId: string,
    incidentId: string,
    lock = false,
  ): Promise<IncidentFacts> {
    const [row] = await uow.query<{
      patient_id: string | null;
      label: string | null;
      seen_at: Date;
    }>(
      `SELECT i.patient_id, p.label, i.seen_at
         FROM social_media_incidents i LEFT JOIN incident_patients p ON p.practice_id = i.practice_id AND p.id = i.patient_id
        WHERE i.practice_id = $1 AND i.id = $2 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [practiceId, incidentId],
    );
    if (!row) throw new NotFoundError('The incident');
    return {
      patientId: row.patient_id,
      patientLabel: row.label,
      seenOn: londonDateOf(new Date(row.seen_at)),
    };
  }

  private async insert(
    ctx: RequestContext,
    uow: UnitOfWork,
    incidentId: string,
    facts: IncidentFacts,
    kind: EscalationStepKind,
    takenOn: IsoDate,
    extra: Partial<{
      notes: string | null;
      reasons: string | null;
      immediate: boolean;
      policeIncidentReference: string | null;
      noWarningBecause: string | null;
      effectiveOn: IsoDate | null;
      writtenConfirmationDueOn: IsoDate | null;
    }>,
  ): Promise<IncidentAction> {
    const [{ id }] = await uow.query<{ id: string }>(
      `INSERT INTO incident_actions (practice_id, incident_id, patient_id, kind, taken_on, notes, reasons, immediate,
                                     police_incident_reference, no_warning_because, effective_on, written_confirmation_due_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        uow.practiceId,
        incidentId,
        facts.patientId,
        kind,
        takenOn,
        extra.notes ?? null,
        extra.reasons ?? null,
        extra.immediate ?? false,
        extra.policeIncidentReference ?? null,
        extra.noWarningBecause ?? null,
        extra.effectiveOn ?? null,
        extra.writtenConfirmationDueOn ?? null,
        ctx.userId,
      ],
    );
    await this.audit.practice(ctx, uow, {
      action: 'incident.step_recorded',
      entityType: 'incident_action',
      entityId: id,
      details: {
        incidentId,
        patientId: facts.patientId,
        kind,
        takenOn,
        immediate: extra.immediate ?? false,
        effectiveOn: extra.effectiveOn ?? null,
        writtenConfirmationDueOn: extra.writtenConfirmationDueOn ?? null,
      },
    });
    const [row] = (await loadActions(uow, [incidentId], [])).filter((a: ActionRow) => a.id === id);
    return toAction(row);
  }
}

function removalFacts(input: {
  requestedOn: IsoDate;
  immediate: boolean;
  policeIncidentReference?: string | null;
  noWarningBecause?: string | null;
}): RemovalRequestFacts {
  return {
    requestedOn: input.requestedOn,
    immediate: input.immediate,
    policeIncidentReference: optionalText(input.policeIncidentReference),
    noWarningBecause: optionalText(input.noWarningBecause),
  };
}

function requirePatient(facts: IncidentFacts, what: string): void {
  if (!facts.patientId)
    throw new InputError(`${what}: link the incident to a patient first.`, 'incidentId');
}

/** Steps happen on or after the day the post was seen, and not in the future. */
function checkStepDate(date: IsoDate, facts: IncidentFacts, field: string): void {
  if (compareIsoDates(date, londonDateOf(new Date())) > 0)
    throw new InputError(`${field} cannot be in the future.`, field);
  if (compareIsoDates(date, facts.seenOn) < 0) {
    throw new InputError(
      `${field} cannot be before the day the post was seen (${facts.seenOn}).`,
      field,
    );
  }
}

function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}
