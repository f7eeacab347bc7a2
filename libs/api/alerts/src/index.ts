export * from './lib/alert.types';
export * from './lib/alert-bus';
export * from './lib/alerts.service';
export * from './lib/alert-sweep.service';
export * from './lib/feedback-alerts.service';
export * from './lib/alerts.module';
