import { type DynamicModule, Module } from '@nestjs/common';
import { AUTH_ENTITIES, AuthModule } from '@parley/api/auth';
import { ParleyCoreModule, type ParleyConfig } from '@parley/api/core';

/** Every entity the DataSource maps, gathered from the domain libraries. */
export const PARLEY_ENTITIES = [...AUTH_ENTITIES];

/** The whole API: core infrastructure plus one module per domain. */
@Module({})
export class AppModule {
  static forRoot(config: ParleyConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ParleyCoreModule.forRoot(config, PARLEY_ENTITIES), AuthModule],
    };
  }
}
