import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (https://www.twilio.com/docs/usage/security#validating-requests):
 * base64(HMAC-SHA1(authToken, fullUrl + each POST parameter name and value, sorted by name)).
 * Shared by the API's status-callback webhook, the worker's tests and tools/fake-sms-gateway.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string | string[] | undefined>,
  algorithm: TwilioSignatureAlgorithm = 'sha1',
): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined) continue;
    // Repeated parameters are concatenated in their sorted order, as Twilio's helpers do.
    for (const v of Array.isArray(value) ? [...value].sort() : [value]) data += name + v;
  }
  return createHmac(algorithm, authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/**
 * HMAC-SHA1 with the auth token is Twilio's default. When a Webhook Rule with a SharedKey matches
 * the callback URL, Twilio signs the same string with the SharedKey's secret and the Setting's
 * algorithm (HMAC-SHA256) instead, and says so in X-Twilio-Webhooks-Signature-Settings
 * (`key=...,algorithm=HMAC_SHA256`); the header value is still base64 in X-Twilio-Signature.
 */
export type TwilioSignatureAlgorithm = 'sha1' | 'sha256';
export const TWILIO_SIGNATURE_SETTINGS_HEADER = 'X-Twilio-Webhooks-Signature-Settings';

/** The algorithm an X-Twilio-Webhooks-Signature-Settings value names; null when it names one we do not accept. */
export function twilioSignatureAlgorithm(settings: string | undefined): TwilioSignatureAlgorithm | null {
  if (!settings) return 'sha1';
  const algorithm = /(?:^|,)\s*algorithm=([A-Za-z0-9_-]+)/.exec(settings)?.[1]?.toUpperCase();
  if (algorithm === 'HMAC_SHA256') return 'sha256';
  if (algorithm === 'HMAC_SHA1') return 'sha1';
  return null;
}

/** Constant-time check of an `X-Twilio-Signature` header value. */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string | string[] | undefined>,
  signature: string | undefined | null,
  algorithm: TwilioSignatureAlgorithm = 'sha1',
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params, algorithm));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Twilio's JSON-body webhooks: the URL it calls carries `bodySHA256` (hex SHA-256 of the raw body)
 * and X-Twilio-Signature signs that URL with no parameters appended.
 */
export function twilioBodyHash(rawBody: Buffer | string): string {
  return createHash('sha256').update(rawBody).digest('hex');
}

export function verifyTwilioBodyHash(rawBody: Buffer | string, bodySHA256: string | null | undefined): boolean {
  if (!bodySHA256) return false;
  const expected = Buffer.from(twilioBodyHash(rawBody));
  const given = Buffer.from(bodySHA256.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Twilio error codes the project acts on, with their documented meaning
 * (https://www.twilio.com/docs/api/errors). 21xxx come back on the send request;
 * 30xxx arrive later in status callbacks (`ErrorCode`) of undelivered/failed messages.
 */
export const TWILIO_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  '20003': 'Authentication error (account SID or auth token refused)',
  '20429': 'Too many requests',
  '21211': "Invalid 'To' phone number",
  '21408': "Permission to send an SMS has not been enabled for the region of the 'To' number",
  '21610': 'Recipient has unsubscribed (replied STOP)',
  '21612': "The 'To' phone number is not currently reachable via SMS",
  '21614': "'To' number is not a valid mobile number",
  '30001': 'Queue overflow',
  '30002': 'Account suspended',
  '30003': 'Unreachable destination handset',
  '30004': 'Message blocked',
  '30005': 'Unknown destination handset',
  '30006': 'Landline or unreachable carrier',
  '30007': 'Message filtered by the carrier',
  '30008': 'Unknown error',
  '30009': 'Missing segment',
  '30010': 'Message price exceeds max price',
  '30034': 'Message from an unregistered number (US A2P 10DLC)',
};

/** Send-time error codes that no retry or other provider can fix: the message fails at once. */
export const TWILIO_PERMANENT_ERROR_CODES: readonly string[] = ['21211', '21408', '21610', '21612', '21614'];

export function twilioErrorMeaning(code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return 'Unknown error';
  return TWILIO_ERROR_MEANINGS[String(code)] ?? `Twilio error ${code}`;
}
