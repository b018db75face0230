import { twilioErrorMeaning, twilioSignature, verifyTwilioSignature } from './twilio';

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
