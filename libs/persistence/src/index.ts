export * from './lib/entities';
export * from './lib/data-source-options';
export * from './lib/sql';
export * from './lib/window-gate';
export * from './lib/ensure-database';
export * from './lib/sms-message-transitions';
export * from './lib/email-message-transitions';
export * from './lib/partitions';
