import { loadConfig } from './config';

const TWILIO = { SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' };

describe('voice calls ("Call me instead")', () => {
  it('are available with Twilio and a caller number: TWILIO_FROM when it is one', () => {
    expect(loadConfig(TWILIO).sms.voice).toEqual({ provider: 'twilio', accountSid: 'AC1', authToken: 't', apiBaseUrl: 'https://api.twilio.com', from: '+15005550006' });
    expect(loadConfig({ ...TWILIO, TWILIO_VOICE_FROM: '+15005550009' }).sms.voice?.from).toBe('+15005550009');
  });

  it('need a number to call from: an alphanumeric sender or a Messaging Service is not one', () => {
    expect(loadConfig({ ...TWILIO, TWILIO_FROM: 'Twofold' }).sms.voice).toBeUndefined();
    expect(loadConfig({ ...TWILIO, TWILIO_FROM: 'MG' + '0'.repeat(32) }).sms.voice).toBeUndefined();
    expect(loadConfig({ ...TWILIO, TWILIO_FROM: 'Twofold', TWILIO_VOICE_FROM: '+15005550009' }).sms.voice?.from).toBe('+15005550009');
  });

  it('are not available without Twilio, or when SMS_VOICE_CALLS is false', () => {
    expect(loadConfig({}).sms.voice).toBeUndefined();
    expect(loadConfig({ TWILIO_VOICE_FROM: '+15005550009' }).sms.voice).toBeUndefined();
    expect(loadConfig({ ...TWILIO, SMS_VOICE_CALLS: 'false' }).sms.voice).toBeUndefined();
  });

  it('name a bad value in one line', () => {
    expect(() => loadConfig({ ...TWILIO, TWILIO_VOICE_FROM: '0044 7700' })).toThrow('Configuration error: TWILIO_VOICE_FROM must be a number in E.164 format such as +15005550006, got "0044 7700"');
    expect(() => loadConfig({ ...TWILIO, SMS_VOICE_CALLS: 'maybe' })).toThrow(/SMS_VOICE_CALLS/);
  });
});
