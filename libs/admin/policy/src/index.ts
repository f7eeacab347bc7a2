export * from './lib/policy.routes';
