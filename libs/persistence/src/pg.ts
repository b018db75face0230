// The entry point for processes on raw pg (the SMS worker): the statement wrapper and the
// sms_message transitions, without the TypeORM entities of the main entry (no TypeORM at runtime).
export * from './lib/sql';
export * from './lib/sms-message-transitions';
export * from './lib/sms-attempt-transitions';
export * from './lib/sms-batch-statements';
export * from './lib/email-message-transitions';
