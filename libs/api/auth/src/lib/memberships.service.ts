import { Injectable } from '@nestjs/common';
import { Database, type Membership, type UnitOfWork } from '@parley/api/core';
import type { Role } from '@parley/shared/domain';

export interface MembershipWithNames extends Membership {
  practiceName: string | null;
  practiceSlug: string | null;
  icbName: string | null;
  icbSlug: string | null;
}

/** Reads who holds which role where. Memberships are global rows (not practice-owned). */
@Injectable()
export class MembershipsService {
  constructor(private readonly database: Database) {}

  load(userId: string): Promise<MembershipWithNames[]> {
    return this.database.run({ tenantPracticeId: null }, (uow) => this.loadIn(uow, userId));
  }

  async loadIn(uow: UnitOfWork, userId: string): Promise<MembershipWithNames[]> {
    const rows = await uow.query<{
      role: Role;
      practice_id: string | null;
      icb_id: string | null;
      practice_name: string | null;
      practice_slug: string | null;
      icb_name: string | null;
      icb_slug: string | null;
    }>(
      `SELECT m.role, m.practice_id, m.icb_id, p.name AS practice_name, p.slug AS practice_slug,
              i.name AS icb_name, i.slug AS icb_slug
         FROM memberships m
         LEFT JOIN practices p ON p.id = m.practice_id
         LEFT JOIN icbs i ON i.id = m.icb_id
        WHERE m.user_id = $1
        ORDER BY p.name NULLS LAST, i.name NULLS LAST, m.role`,
      [userId],
    );
    return rows.map((r) => ({
      role: r.role,
      practiceId: r.practice_id,
      icbId: r.icb_id,
      practiceName: r.practice_name,
      practiceSlug: r.practice_slug,
      icbName: r.icb_name,
      icbSlug: r.icb_slug,
    }));
  }
}
