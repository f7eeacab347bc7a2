export * from './lib/escalation.routes';
