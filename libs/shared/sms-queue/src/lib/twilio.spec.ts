import { createHmac } from 'node:crypto';
import { twilioBodyHash, twilioErrorMeaning, twilioSignature, twilioSignatureAlgorithm, verifyTwilioBodyHash, verifyTwilioSignature } from './twilio';

describe('Twilio signatures', () => {
  // The vector of twilio-ruby's spec/util/request_validator_spec.rb (a real Twilio voice webhook).
  const authToken = '2bd9e9638872de601313dc77410d3b23';
  const url = 'http://twiliotests.heroku.com/validate/voice';
  const params = {
    ToState: 'California',
    CalledState: 'California',
    Direction: 'inbound',
    FromState: 'CA',
    AccountSid: 'ACba8bc05eacf94afdae398e642c9cc32d',
    Caller: '+14153595711',
    CallerZip: '94108',
    CallerCountry: 'US',
    From: '+14153595711',
    FromCity: 'SAN FRANCISCO',
    CallerCity: 'SAN FRANCISCO',
    To: '+14157669926',
    FromZip: '94108',
    FromCountry: 'US',
    ToCity: '',
    CallStatus: 'ringing',
    CalledCity: '',
    CallerState: 'CA',
    CalledZip: '',
    ToZip: '',
    ToCountry: 'US',
    CallSid: 'CA136d09cd59a3c0ec8dbff44da5c03f31',
    CalledCountry: 'US',
    Called: '+14157669926',
    ApiVersion: '2010-04-01',
    ApplicationSid: 'AP44efecad51364e80b133bb7c07eb8204',
  };

  it('matches the signature Twilio computed for a real request', () => {
    expect(twilioSignature(authToken, url, params)).toBe('oVb2kXoVy8GEfwBDjR8bk/ZZ6eA=');
  });

  it('verifies in constant time and refuses tampering', () => {
    const sig = twilioSignature(authToken, url, params);
    expect(verifyTwilioSignature(authToken, url, params, sig)).toBe(true);
    expect(verifyTwilioSignature(authToken, url, { ...params, Digits: '9999' }, sig)).toBe(false);
    expect(verifyTwilioSignature('other', url, params, sig)).toBe(false);
    expect(verifyTwilioSignature(authToken, url, params, undefined)).toBe(false);
    expect(verifyTwilioSignature(authToken, url, params, 'short')).toBe(false);
  });

  it('explains error codes', () => {
    expect(twilioErrorMeaning('30003')).toBe('Unreachable destination handset');
    expect(twilioErrorMeaning(21211)).toBe("Invalid 'To' phone number");
    expect(twilioErrorMeaning('99999')).toBe('Twilio error 99999');
    expect(twilioErrorMeaning(undefined)).toBe('Unknown error');
  });
});

describe('Twilio HMAC-SHA256 (SharedKey) signatures', () => {
  const url = 'https://api.example/webhooks/sms/twilio';
  const params = { MessageSid: 'SM1', MessageStatus: 'delivered' };

  it('signs the same string with SHA-256 and verifies only with that algorithm', () => {
    const sig = twilioSignature('shared', url, params, 'sha256');
    expect(sig).toBe(createHmac('sha256', 'shared').update(url + 'MessageSidSM1MessageStatusdelivered').digest('base64'));
    expect(verifyTwilioSignature('shared', url, params, sig, 'sha256')).toBe(true);
    expect(verifyTwilioSignature('shared', url, params, sig)).toBe(false);
  });

  it('reads the algorithm of X-Twilio-Webhooks-Signature-Settings', () => {
    expect(twilioSignatureAlgorithm(undefined)).toBe('sha1');
    expect(twilioSignatureAlgorithm('key=KS1,algorithm=HMAC_SHA256')).toBe('sha256');
    expect(twilioSignatureAlgorithm('key=KS1, algorithm=HMAC_SHA1')).toBe('sha1');
    expect(twilioSignatureAlgorithm('key=KS1,algorithm=HMAC_MD5')).toBeNull();
    expect(twilioSignatureAlgorithm('key=KS1')).toBeNull();
  });
});

describe('Twilio JSON bodies (bodySHA256)', () => {
  it('is the hex SHA-256 of the raw body, compared in constant time', () => {
    const body = '{"MessageSid":"SM1","MessageStatus":"delivered"}';
    expect(twilioBodyHash(body)).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyTwilioBodyHash(body, twilioBodyHash(body))).toBe(true);
    expect(verifyTwilioBodyHash(body, twilioBodyHash(body).toUpperCase())).toBe(true);
    expect(verifyTwilioBodyHash(body + ' ', twilioBodyHash(body))).toBe(false);
    expect(verifyTwilioBodyHash(body, null)).toBe(false);
  });
});
