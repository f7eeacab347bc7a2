export * from './lib/incidents.routes';
