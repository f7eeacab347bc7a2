import { Module } from '@nestjs/common';
import { EscalationSettingsService } from './escalation-settings.service';
import { EscalationResolver } from './escalation.resolver';

@Module({
  providers: [EscalationSettingsService, EscalationResolver],
  exports: [EscalationSettingsService],
})
export class EscalationModule {}
