import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import { ConflictError, Database, NotFoundError, type RequestContext } from '@parley/api/core';
import { Role } from '@parley/shared/domain';
import type { Person } from './practices.types';

/** The people of the active practice. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  list(ctx: RequestContext): Promise<Person[]> {
    return this.database.run(ctx, (uow) =>
      uow.query<Person>(
        `SELECT u.id AS "userId", u.name, u.email, m.role, m.created_at AS since
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.practice_id = $1
          ORDER BY m.role, u.name`,
        [ctx.practiceId],
      ),
    );
  }

  /** Removes the person's memberships of the active practice; the last manager stays. */
  async remove(ctx: RequestContext, userId: string): Promise<void> {
    await this.database.run(ctx, async (uow) => {
      const practiceId = ctx.practiceId;
      // Serialise membership changes of this practice, so two removals cannot leave it without a manager.
      await uow.query('SELECT 1 FROM practices WHERE id = $1 FOR UPDATE', [practiceId]);
      const roles = await uow.query<{ role: Role }>(
        'SELECT role FROM memberships WHERE practice_id = $1 AND user_id = $2',
        [practiceId, userId],
      );
      if (roles.length === 0) throw new NotFoundError('The person');
      if (roles.some((r) => r.role === Role.PracticeManager)) {
        const [{ managers }] = await uow.query<{ managers: number }>(
          `SELECT count(*)::int AS managers FROM memberships WHERE practice_id = $1 AND role = 'practice_manager'`,
          [practiceId],
        );
        if (managers <= 1)
          throw new ConflictError(
            'The practice needs at least one manager: invite another manager first.',
            'userId',
          );
      }
      await uow.query('DELETE FROM memberships WHERE practice_id = $1 AND user_id = $2', [
        practiceId,
        userId,
      ]);
      await this.audit.practice(ctx, uow, {
        action: 'person.removed',
        entityType: 'user',
        entityId: userId,
        details: { roles: roles.map((r) => r.role) },
      });
    });
  }
}
