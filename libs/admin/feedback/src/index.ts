export * from './lib/feedback.routes';
