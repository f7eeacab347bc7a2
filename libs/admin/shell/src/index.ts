export * from './lib/shell.component';
