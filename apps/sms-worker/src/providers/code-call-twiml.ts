/**
 * The TwiML of a "Call me instead" call (Twilio's <Say>): in the account's language, the code's
 * digits one by one with a pause after each, read twice, then goodbye. Everything spoken is
 * XML-escaped (the digits cannot need it, the sentences are ours, but a document is never built
 * from unescaped text).
 */
export type CallLocale = 'en' | 'fr';

interface Script {
  language: 'en-GB' | 'fr-FR';
  /** An Amazon Polly voice Twilio offers for that language. */
  voice: string;
  intro: string;
  again: string;
  bye: string;
}

const SCRIPTS: Record<CallLocale, Script> = {
  en: { language: 'en-GB', voice: 'Polly.Amy', intro: 'Hello. Your Twofold security code is:', again: 'Once again, your code is:', bye: 'Never share this code. Goodbye.' },
  fr: { language: 'fr-FR', voice: 'Polly.Lea', intro: 'Bonjour. Votre code de sécurité Twofold est :', again: 'Je répète, votre code est :', bye: 'Ne communiquez jamais ce code. Au revoir.' },
};

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function callLocale(locale: string | undefined): CallLocale {
  return locale === 'fr' ? 'fr' : 'en';
}

/** `<Response>` reading `digits` twice, each digit its own <Say> followed by a one-second <Pause>. */
export function codeCallTwiml(locale: string | undefined, digits: string): string {
  if (!/^[0-9]{4,10}$/.test(digits)) throw new Error('code call: the code must be digits');
  const s = SCRIPTS[callLocale(locale)];
  const say = (text: string) => `<Say language="${s.language}" voice="${xmlEscape(s.voice)}">${xmlEscape(text)}</Say>`;
  const readOut = [...digits].map((d) => `${say(d)}<Pause length="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${say(s.intro)}<Pause length="1"/>${readOut}${say(s.again)}<Pause length="1"/>${readOut}${say(s.bye)}</Response>`;
}
