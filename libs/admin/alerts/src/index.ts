export * from './lib/alerts.routes';
