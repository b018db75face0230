export * from './lib/codes';
export * from './lib/tokens';
export * from './lib/backup-codes';
export * from './lib/phone-number';
export * from './lib/account-input';
export * from './lib/rate-window';
export * from './lib/sms-text';
export * from './lib/pumping';
