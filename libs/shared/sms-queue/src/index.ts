export * from './lib/sms-job';
export * from './lib/sealed-box';
