export * from './lib/incident.types';
export * from './lib/incidents.service';
export * from './lib/incident-actions.service';
export * from './lib/incidents.resolver';
export * from './lib/incidents.module';
