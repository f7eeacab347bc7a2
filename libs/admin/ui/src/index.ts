export * from './lib/icon.component';
export * from './lib/coming-soon.page';
export * from './lib/not-found.page';
export * from './lib/confirm-dialog';
export * from './lib/copy-field.component';
export * from './lib/forms';
export * from './lib/form-alert.component';
