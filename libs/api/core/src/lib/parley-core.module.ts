import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { PARLEY_CONFIG, type ParleyConfig } from './config/parley-config';
import type { EntityList } from './database/data-source';
import { Database } from './database/database';
import { DatabaseModule } from './database/database.module';
import { HttpErrorFilter } from './errors/http-exception.filter';
import { createValidationPipe } from './errors/validation';
import { graphqlOptions } from './graphql/graphql.options';
import { queryComplexityPlugin, queryLimitRules } from './graphql/query-limits';
import { HealthController } from './health/health.controller';
import { loggerOptions } from './logging/logger.options';

/**
 * Everything every request needs: configuration, logs, the database, GraphQL, error shaping,
 * input validation and /health. Domain modules come on top.
 */
@Global()
@Module({})
export class ParleyCoreModule {
  static forRoot(config: ParleyConfig, entities: EntityList): DynamicModule {
    return {
      module: ParleyCoreModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule.forRoot(entities),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Database],
          useFactory: (database: Database) => ({
            ...graphqlOptions(config, database),
            validationRules: queryLimitRules(),
            plugins: [queryComplexityPlugin()],
          }),
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: PARLEY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [PARLEY_CONFIG, DatabaseModule],
    };
  }
}
