export * from './lib/policy-document';
export * from './lib/template-fields';
export * from './lib/inline';
export * from './lib/render';
export * from './lib/channels';
export * from './lib/policy-diff';
export * from './lib/policy-check';
export * from './lib/customer-policies';
