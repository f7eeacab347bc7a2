import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  InputError,
  isUniqueViolation,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { ESCALATION_STEP_KIND_LABELS, type IncidentSeverity } from '@parley/shared/domain';
import type { EscalationSettings, SaveEscalationSettingsInput } from './escalation.types';
import {
  cleanTrigger,
  DEFAULT_PRACTICE_ESCALATION_SETTINGS,
  describeTrigger,
  fromStored,
  type PracticeEscalationSettings,
  REMOVAL_EFFECTIVE_DAY,
  validatePracticeEscalationSettings,
} from './practice-escalation-settings';

/** The settings in force for a practice, with where they came from. */
export interface SettingsInForce {
  version: number;
  settings: PracticeEscalationSettings;
}

interface VersionRow {
  version_number: number;
  settings: Partial<PracticeEscalationSettings>;
  note: string | null;
  created_at: Date;
  saved_by: string | null;
}

const HISTORY_LIMIT = 100;

/**
 * Each practice's escalation thresholds. Every save appends a version (history is never
 * rewritten); a practice that never saved runs on the shared defaults, shown as version 0.
 */
@Injectable()
export class EscalationSettingsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  current(ctx: RequestContext): Promise<EscalationSettings> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      const [row] = await this.versions(uow, practiceId, 1);
      return row ? toView(row) : defaultsView();
    });
  }

  /** The settings in force, for other domains inside their own unit of work. */
  async inForceIn(uow: UnitOfWork): Promise<SettingsInForce> {
    const [row] = await uow.query<Pick<VersionRow, 'version_number' | 'settings'>>(
      `SELECT version_number, settings FROM escalation_settings_versions
        WHERE practice_id = $1 ORDER BY version_number DESC LIMIT 1`,
      [uow.practiceId],
    );
    return row
      ? { version: row.version_number, settings: fromStored(row.settings) }
      : { version: 0, settings: DEFAULT_PRACTICE_ESCALATION_SETTINGS };
  }

  /** Newest first; the defaults are not a version and do not appear. */
  history(ctx: RequestContext): Promise<EscalationSettings[]> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) =>
      (await this.versions(uow, practiceId, HISTORY_LIMIT)).map(toView),
    );
  }

  async save(ctx: RequestContext, input: SaveEscalationSettingsInput): Promise<EscalationSettings> {
    const practiceId = ctx.practiceId;
    const settings: PracticeEscalationSettings = {
      ladder: input.ladder.map((step) => ({
        kind: step.kind,
        trigger: cleanTrigger(step.trigger),
      })),
      clocks: { ...input.clocks },
      volumeAlert: { ...input.volumeAlert },
      removalRules: { ...input.removalRules },
    };
    const [problem] = validatePracticeEscalationSettings(settings);
    if (problem) throw new InputError(problem.message, problem.field);
    const note = input.note?.trim() || null;

    try {
      return await this.database.run(ctx, async (uow) => {
        const [{ latest }] = await uow.query<{ latest: number }>(
          'SELECT coalesce(max(version_number), 0)::int AS latest FROM escalation_settings_versions WHERE practice_id = $1',
          [practiceId],
        );
        if (
          input.basedOnVersion !== undefined &&
          input.basedOnVersion !== null &&
          input.basedOnVersion !== latest
        ) {
          throw staleEdit(latest);
        }
        const version = latest + 1;
        await uow.query(
          `INSERT INTO escalation_settings_versions (practice_id, version_number, settings, note, created_by)
           VALUES ($1, $2, $3, $4, $5)`,
          [practiceId, version, JSON.stringify(settings), note, ctx.userId],
        );
        await this.audit.practice(ctx, uow, {
          action: 'escalation_settings.saved',
          entityType: 'escalation_settings',
          entityId: String(version),
          details: {
            version,
            ladder: settings.ladder.map((s) => s.kind),
            clocks: settings.clocks,
            volumeAlert: settings.volumeAlert,
            removalRules: settings.removalRules,
          },
        });
        const [row] = await this.versions(uow, practiceId, 1);
        return toView(row);
      });
    } catch (error) {
      // Two managers saving at once: the second one's version number is taken.
      if (isUniqueViolation(error, 'escalation_settings_versions_number_key')) throw staleEdit();
      throw error;
    }
  }

  private versions(uow: UnitOfWork, practiceId: string, limit: number): Promise<VersionRow[]> {
    return uow.query<VersionRow>(
      `SELECT v.version_number, v.settings, v.note, v.created_at, u.name AS saved_by
         FROM escalation_settings_versions v
         LEFT JOIN users u ON u.id = v.created_by
        WHERE v.practice_id = $1
        ORDER BY v.version_number DESC
        LIMIT $2`,
      [practiceId, limit],
    );
  }
}

function staleEdit(latest?: number): ConflictError {
  return new ConflictError(
    `The escalation settings were changed by someone else${latest ? ` (now version ${latest})` : ''}: reload them and make your change again.`,
    'basedOnVersion',
  );
}

function toView(row: VersionRow): EscalationSettings {
  return {
    ...settingsView(fromStored(row.settings)),
    version: row.version_number,
    isDefault: false,
    note: row.note,
    savedAt: new Date(row.created_at),
    savedBy: row.saved_by,
  };
}

function defaultsView(): EscalationSettings {
  return {
    ...settingsView(DEFAULT_PRACTICE_ESCALATION_SETTINGS),
    version: 0,
    isDefault: true,
    note: null,
    savedAt: null,
    savedBy: null,
  };
}

function settingsView(
  settings: PracticeEscalationSettings,
): Pick<EscalationSettings, 'ladder' | 'removalRules' | 'clocks' | 'volumeAlert'> {
  return {
    ladder: settings.ladder.map((step, i) => ({
      position: i + 1,
      kind: step.kind,
      label: ESCALATION_STEP_KIND_LABELS[step.kind],
      trigger: {
        minSeverity: (step.trigger.minSeverity ?? null) as IncidentSeverity | null,
        incidentCount: step.trigger.incidentCount ?? null,
        withinDays: step.trigger.withinDays ?? null,
      },
      triggerDescription: describeTrigger(step.trigger),
    })),
    removalRules: { ...settings.removalRules, effectiveOnDay: REMOVAL_EFFECTIVE_DAY },
    clocks: { ...settings.clocks },
    volumeAlert: { ...settings.volumeAlert },
  };
}
