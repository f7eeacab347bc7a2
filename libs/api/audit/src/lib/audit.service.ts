import { Injectable } from '@nestjs/common';
import type { RequestContext, UnitOfWork } from '@parley/api/core';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed. Never patient details: ids, field names and non-personal values only. */
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit trail inside the caller's unit of work, so the record and the change it
 * describes commit or roll back together. The tables only accept INSERT from the application.
 */
@Injectable()
export class AuditService {
  /** A change to one practice's data (the unit of work must be bound to that practice). */
  async practice(ctx: RequestContext, uow: UnitOfWork, entry: AuditEntry): Promise<void> {
    await uow.query(
      `INSERT INTO audit_events (practice_id, actor_user_id, action, entity_type, entity_id, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        uow.practiceId,
        ctx.userId,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** A platform-level change (ICBs, practices, people). */
  async platform(ctx: RequestContext, uow: UnitOfWork, entry: AuditEntry): Promise<void> {
    await uow.query(
      `INSERT INTO platform_audit_events (actor_user_id, action, entity_type, entity_id, details)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        ctx.userId,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }
}
