import { codeInMessage } from './code-message';
import { renderCodeSms, renderNoticeSms } from './sms-text';

describe('codeInMessage', () => {
  it('reads the code back from a code SMS in every locale', () => {
    for (const locale of ['en', 'fr'] as const) expect(codeInMessage('SMS', renderCodeSms(locale, '042917', 300, 'app.example.com'))).toBe('042917');
  });

  it('reads a call body, which is the digits alone', () => {
    expect(codeInMessage('VOICE', '042917')).toBe('042917');
    expect(codeInMessage('VOICE', '04291')).toBeNull();
    expect(codeInMessage('VOICE', renderCodeSms('en', '042917', 300, 'app.example.com'))).toBeNull();
  });

  it('finds none in a notice or a text whose last line is not the origin-bound code', () => {
    expect(codeInMessage('SMS', renderNoticeSms('en', 'SMS_METHOD_ADDED'))).toBeNull();
    expect(codeInMessage('SMS', 'Your code is 123456')).toBeNull();
    expect(codeInMessage('SMS', '123456')).toBeNull();
  });
});
