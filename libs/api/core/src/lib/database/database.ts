import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import { DatabaseUnavailableError } from '../errors/parley-errors';
import { DbRole, TENANT_SETTING } from './db-roles';
import { isConnectionError } from './pg-errors';
import { SerialQueue } from './serial-queue';
import { UnitOfWork, type TenantScope } from './unit-of-work';

export const PARLEY_DATA_SOURCE = Symbol('PARLEY_DATA_SOURCE');

export interface RunOptions {
  /** Database role for the transaction; the application role unless stated. */
  role?: DbRole;
}

/**
 * The only way application code reaches the database. Each call is one transaction that starts
 * with `SET LOCAL ROLE` and a transaction-local practice setting, so nothing outlives it and
 * row-level security always knows whose data this is.
 */
export class Database {
  private readonly queue: SerialQueue | null;
  private readonly inUnitOfWork = new AsyncLocalStorage<true>();

  constructor(
    readonly dataSource: DataSource,
    /** True for PGlite: one session for the whole process, so units of work must take turns. */
    serialise: boolean,
  ) {
    this.queue = serialise ? new SerialQueue() : null;
  }

  run<T>(
    scope: TenantScope,
    work: (uow: UnitOfWork) => Promise<T>,
    options: RunOptions = {},
  ): Promise<T> {
    if (this.inUnitOfWork.getStore()) {
      // A nested unit of work would deadlock on PGlite and break atomicity on PostgreSQL.
      throw new Error(
        'Database.run was called inside another unit of work; pass the UnitOfWork down instead.',
      );
    }
    const role = options.role ?? DbRole.App;
    const job = () =>
      this.execute(scope.tenantPracticeId, role, work).catch((error: unknown) => {
        throw isConnectionError(error) ? new DatabaseUnavailableError() : error;
      });
    return this.queue ? this.queue.run(job) : job();
  }

  /** A round-trip for health checks, bounded so a hung database reads as down. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    const job = () => this.dataSource.query('SELECT 1');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
    });
    try {
      await Promise.race([this.queue ? this.queue.run(job) : job(), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private async execute<T>(
    practiceId: string | null,
    role: DbRole,
    work: (uow: UnitOfWork) => Promise<T>,
  ): Promise<T> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL ROLE ${role}`);
      await runner.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, practiceId ?? '']);
      const result = await this.inUnitOfWork.run(true, () =>
        work(new UnitOfWork(runner.manager, practiceId)),
      );
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
