export * from './lib/website.routes';
