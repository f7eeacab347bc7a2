export * from './lib/embed-bundle';
export * from './lib/embed.controller';
export * from './lib/embed.module';
