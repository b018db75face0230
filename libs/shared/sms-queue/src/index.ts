export * from './lib/sms-job';
export * from './lib/sealed-box';
export * from './lib/seal-job';
export * from './lib/twilio';
export * from './lib/receipts';
export * from './lib/ovh-signature';
export * from './lib/email-job';
export * from './lib/vonage';
