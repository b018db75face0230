export * from './lib/gateway';
export * from './lib/mail/mail-server';
export type { VonageStandInCredentials } from './lib/vonage-stand-in';
export { readTwiml, type FakeCall } from './lib/twilio-voice-stand-in';
