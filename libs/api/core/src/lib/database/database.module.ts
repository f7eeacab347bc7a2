import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PARLEY_CONFIG, type ParleyConfig } from '../config/parley-config';
import { createParleyDataSource, type EntityList } from './data-source';
import { Database, PARLEY_DATA_SOURCE } from './database';
import { distributeForCitus } from './citus';
import { describeDatabaseError } from './database-errors';

/**
 * Owns the DataSource: connects and migrates before the app listens, closes it on shutdown.
 * The entity list comes from the composing app so this module knows no domain.
 */
@Global()
@Module({})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(PARLEY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PARLEY_DATA_SOURCE,
          inject: [PARLEY_CONFIG],
          useFactory: (config: ParleyConfig) => createParleyDataSource(config.database, entities),
        },
        {
          provide: Database,
          inject: [PARLEY_DATA_SOURCE, PARLEY_CONFIG],
          useFactory: (dataSource: DataSource, config: ParleyConfig) =>
            new Database(dataSource, config.database.kind === 'pglite'),
        },
      ],
      exports: [PARLEY_DATA_SOURCE, Database],
    };
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.dataSource.initialize();
    } catch (error) {
      throw new Error(describeDatabaseError(this.config.database, error));
    }
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    const citus = await distributeForCitus(this.dataSource);
    if (citus.placed.length > 0)
      this.logger.log(
        `Citus: placed ${citus.placed.length} table(s) (practice-owned distributed by practice_id)`,
      );
    const where =
      this.config.database.kind === 'pglite'
        ? `embedded PGlite (${this.config.database.dataDir ?? 'in memory'})`
        : 'PostgreSQL';
    this.logger.log(`Database ready on ${where}; ${applied.length} migration(s) applied`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
