import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import { Database, NotFoundError, type RequestContext, type UnitOfWork } from '@parley/api/core';
import { AlertBus } from './alert-bus';
import { ALERT_COLUMNS, ALERT_FROM, type AlertRow, toAlert } from './alert-rows';
import type { Alert, AlertDraft, AlertEvent, AlertStatus } from './alert.types';

/**
 * Raising, listing and acknowledging alerts. Raising happens inside the unit of work that found
 * the condition (so the alert commits with it) and is idempotent by the draft's dedupe key;
 * live delivery happens after the commit, through `publish`.
 */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger('Alerts');

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    @Inject(AlertBus) private readonly bus: AlertBus,
  ) {}

  list(ctx: RequestContext, status: AlertStatus | null | undefined, limit = 100): Promise<Alert[]> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      const rows = await uow.query<AlertRow>(
        `SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM}
          WHERE a.practice_id = $1
            AND ($2::text IS NULL OR ($2 = 'open') = (a.acknowledged_at IS NULL))
          ORDER BY a.raised_at DESC, a.id DESC
          LIMIT $3`,
        [practiceId, status ?? null, limit],
      );
      return rows.map(toAlert);
    });
  }

  openCount(ctx: RequestContext): Promise<number> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      const [{ count }] = await uow.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM alerts WHERE practice_id = $1 AND acknowledged_at IS NULL',
        [practiceId],
      );
      return count;
    });
  }

  /** Acknowledging again changes nothing and returns the alert as it is. */
  acknowledge(ctx: RequestContext, id: string): Promise<Alert> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      const updated = await uow.query<{ id: string; kind: string }>(
        `UPDATE alerts SET acknowledged_at = now(), acknowledged_by = $3
          WHERE practice_id = $1 AND id = $2 AND acknowledged_at IS NULL
          RETURNING id, kind`,
        [practiceId, id, ctx.userId],
      );
      if (updated[0]) {
        await this.audit.practice(ctx, uow, {
          action: 'alert.acknowledged',
          entityType: 'alert',
          entityId: id,
          details: { kind: updated[0].kind },
        });
      }
      const [row] = await uow.query<AlertRow>(
        `SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE a.practice_id = $1 AND a.id = $2`,
        [practiceId, id],
      );
      if (!row) throw new NotFoundError('The alert');
      return toAlert(row);
    });
  }

  /**
   * Raises the alert unless its condition was raised before. Returns the new alert (to publish
   * after the commit), or null when it already existed.
   */
  async raiseIn(
    ctx: RequestContext,
    uow: UnitOfWork,
    draft: AlertDraft,
  ): Promise<AlertEvent | null> {
    const practiceId = uow.practiceId;
    const [row] = await uow.query<Omit<AlertRow, 'acknowledged_by_name'>>(
      `INSERT INTO alerts (practice_id, kind, dedupe_key, subject, subject_type, subject_id, due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (practice_id, dedupe_key) DO NOTHING
       RETURNING id, kind, subject, subject_type, subject_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, raised_at, acknowledged_at`,
      [
        practiceId,
        draft.kind,
        draft.dedupeKey,
        draft.subject.slice(0, 500),
        draft.subjectType,
        draft.subjectId,
        draft.dueOn,
      ],
    );
    if (!row) return null;
    await this.audit.practice(ctx, uow, {
      action: 'alert.raised',
      entityType: 'alert',
      entityId: row.id,
      details: {
        kind: draft.kind,
        subjectType: draft.subjectType,
        subjectId: draft.subjectId,
        due: draft.dueOn,
      },
    });
    return { practiceId, alert: toAlert({ ...row, acknowledged_by_name: null }) };
  }

  /** Live delivery of alerts whose unit of work has committed. Never throws. */
  async publish(events: readonly (AlertEvent | null)[]): Promise<void> {
    for (const event of events) {
      if (!event) continue;
      try {
        await this.bus.publish(event);
      } catch (error) {
        this.logger.warn(
          `Could not deliver alert ${event.alert.id} live: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  subscribe(practiceId: string): AsyncIterableIterator<AlertEvent> {
    return this.bus.subscribe(practiceId);
  }
}
