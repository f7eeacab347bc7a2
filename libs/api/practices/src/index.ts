export * from './lib/practice.entities';
export * from './lib/practices.types';
export * from './lib/directory.service';
export * from './lib/invitations.service';
export * from './lib/people.service';
export * from './lib/practices.module';
