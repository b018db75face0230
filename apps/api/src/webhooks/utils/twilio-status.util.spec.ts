import { mapTwilioStatus, twilioJsonParams, urlVariants } from './twilio-status.util';

describe('mapTwilioStatus', () => {
  it.each([
    ['queued', { to: 'SENT' }],
    ['sending', { to: 'SENT' }],
    ['sent', { to: 'SENT' }],
    ['delivered', { to: 'DELIVERED' }],
    ['mystery', { to: 'IGNORE' }],
    [undefined, { to: 'IGNORE' }],
  ])('%s → %j', (status, expected) => {
    expect(mapTwilioStatus(status, undefined)).toEqual(expected);
  });

  it('explains undelivered and failed with the error code meaning', () => {
    expect(mapTwilioStatus('undelivered', '30003')).toEqual({
      to: 'FAILED',
      reason: 'twilio undelivered (error 30003): Unreachable destination handset',
    });
    expect(mapTwilioStatus('failed', '30008')).toEqual({
      to: 'FAILED',
      reason: 'twilio failed (error 30008): Unknown error',
    });
    expect(mapTwilioStatus('failed', undefined)).toEqual({ to: 'FAILED', reason: 'twilio failed' });
  });
});

describe('urlVariants', () => {
  it('accepts the URL with and without its default port', () => {
    expect(urlVariants('https://api.example.com/webhooks/sms/twilio')).toEqual([
      'https://api.example.com/webhooks/sms/twilio',
      'https://api.example.com:443/webhooks/sms/twilio',
    ]);
    expect(urlVariants('https://api.example.com:443/x')).toEqual([
      'https://api.example.com:443/x',
      'https://api.example.com/x',
    ]);
    expect(urlVariants('http://127.0.0.1:3000/x')).toEqual(['http://127.0.0.1:3000/x']);
  });
});

describe('twilioJsonParams', () => {
  it('reads a JSON object as form parameters, strings and numbers only', () => {
    expect(twilioJsonParams(Buffer.from('{"MessageSid":"SM1","ErrorCode":30003,"x":{"y":1},"z":null}'))).toEqual({
      MessageSid: 'SM1',
      ErrorCode: '30003',
    });
    expect(twilioJsonParams(Buffer.from('[]'))).toBeNull();
    expect(twilioJsonParams(Buffer.from('nope'))).toBeNull();
  });
});
