export * from './lib/channel.types';
export * from './lib/channel-address';
export * from './lib/channel-rows';
export * from './lib/channels.service';
export * from './lib/channels.module';
