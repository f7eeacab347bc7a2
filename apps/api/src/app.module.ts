import { type DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from '@parley/api/alerts';
import { AUTH_ENTITIES, AuthModule } from '@parley/api/auth';
import { AuditModule } from '@parley/api/audit';
import { ChannelsModule } from '@parley/api/channels';
import { ParleyCoreModule, type ParleyConfig } from '@parley/api/core';
import { EmbedModule } from '@parley/api/embed';
import { EscalationModule } from '@parley/api/escalation';
import { FeedbackModule } from '@parley/api/feedback';
import { IncidentsModule } from '@parley/api/incidents';
import { InsightsModule } from '@parley/api/insights';
import { PolicyModule } from '@parley/api/policy';
import { PRACTICE_ENTITIES, PracticesModule } from '@parley/api/practices';

/** Every entity the DataSource maps, gathered from the domain libraries. */
export const PARLEY_ENTITIES = [...AUTH_ENTITIES, ...PRACTICE_ENTITIES];

/** The whole API: core infrastructure plus one module per domain. */
@Module({})
export class AppModule {
  static forRoot(config: ParleyConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ParleyCoreModule.forRoot(config, PARLEY_ENTITIES),
        AuthModule,
        AuditModule,
        PracticesModule,
        ChannelsModule,
        PolicyModule,
        EmbedModule,
        FeedbackModule,
        EscalationModule,
        AlertsModule,
        IncidentsModule,
        InsightsModule,
      ],
    };
  }
}
