import { Module } from '@nestjs/common';
import { AlertsModule } from '@parley/api/alerts';
import { EscalationModule } from '@parley/api/escalation';
import { IncidentActionsService } from './incident-actions.service';
import { IncidentsResolver } from './incidents.resolver';
import { IncidentsService } from './incidents.service';

@Module({
  imports: [EscalationModule, AlertsModule],
  providers: [IncidentsService, IncidentActionsService, IncidentsResolver],
  exports: [IncidentsService],
})
export class IncidentsModule {}
