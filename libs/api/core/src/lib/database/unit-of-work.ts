import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/** Whose data a unit of work touches. `RequestContext` satisfies it. */
export interface TenantScope {
  /** The practice the transaction is bound to; null reads only global tables. */
  readonly tenantPracticeId: string | null;
}

/** Raised when code asks a unit of work for a practice it was not bound to. */
export class NoPracticeBoundError extends Error {
  constructor() {
    super('This unit of work is not bound to a practice.');
  }
}

/** One open transaction, already switched to the application role and bound to a practice. */
export class UnitOfWork {
  constructor(
    readonly manager: EntityManager,
    readonly tenantPracticeId: string | null,
  ) {}

  /** The practice this transaction is bound to; throws when it is bound to none. */
  get practiceId(): string {
    if (!this.tenantPracticeId) throw new NoPracticeBoundError();
    return this.tenantPracticeId;
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.manager.query(sql, parameters);
  }
}
