export * from './lib/escalation.enums';
export * from './lib/escalation.types';
export * from './lib/practice-escalation-settings';
export * from './lib/escalation-settings.service';
export * from './lib/escalation.module';
