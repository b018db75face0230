import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { VonageSignatureMethod } from '@twofold/config';
import { verifyVonageReceipt, vonageSignature } from '@twofold/sms-queue';

/**
 * The fake gateway's Vonage SMS API stand-in: POST /sms/json (form or JSON) answered as Vonage
 * does (HTTP 200 with a per-message `status`), and its delivery receipts posted (form, as the
 * dashboard's "POST" method) to each message's `callback`, signed with the signature secret.
 */
export interface VonageStandInCredentials {
  apiKey: string;
  /** Checked when a request carries api_secret. */
  apiSecret?: string;
  /** Checks signed requests (`sig`) and signs the receipts; receipts go unsigned without it. */
  signatureSecret?: string;
  signatureMethod?: VonageSignatureMethod;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export type VonageSendVerdict =
  | { ok: true; to: string; text: string; callback: string | null; clientRef: string | null }
  | { ok: false; status: string; errorText: string };

/** What Vonage would say about this request: its credentials first, then the fields. */
export function checkVonageSend(
  creds: VonageStandInCredentials | undefined,
  form: Record<string, string>,
): VonageSendVerdict {
  if (creds) {
    if (form['api_key'] !== creds.apiKey) return { ok: false, status: '4', errorText: 'Bad Credentials' };
    if (form['sig'] !== undefined) {
      if (form['api_secret'] !== undefined)
        return { ok: false, status: '32', errorText: 'Signature And API Secret Disallowed' };
      const check = creds.signatureSecret
        ? verifyVonageReceipt(
            form,
            creds.signatureSecret,
            creds.signatureMethod ?? 'sha256',
            Math.floor(Date.now() / 1000),
          )
        : 'missing';
      if (check !== 'ok') return { ok: false, status: '14', errorText: 'Invalid Signature' };
    } else if (!creds.apiSecret || !form['api_secret'] || !same(form['api_secret'], creds.apiSecret)) {
      return { ok: false, status: '4', errorText: 'Bad Credentials' };
    }
  }
  const to = form['to'];
  if (!to || !/^[1-9][0-9]{6,14}$/.test(to))
    return { ok: false, status: '3', errorText: `Invalid to address ${to ?? ''}` };
  if (!form['from']) return { ok: false, status: '2', errorText: 'Missing from param' };
  if (!form['text']) return { ok: false, status: '2', errorText: 'Missing text param' };
  return {
    ok: true,
    to: `+${to}`,
    text: form['text'],
    callback: form['callback'] || null,
    clientRef: form['client-ref'] || null,
  };
}

export function vonageAccepted(sid: string, to: string, clientRef: string | null): unknown {
  return {
    'message-count': '1',
    messages: [
      {
        to: to.replace(/^\+/, ''),
        'message-id': sid,
        status: '0',
        'remaining-balance': '10.00000000',
        'message-price': '0.03330000',
        network: '23410',
        ...(clientRef ? { 'client-ref': clientRef } : {}),
      },
    ],
  };
}

export const vonageRefused = (status: string, errorText: string): unknown => ({
  'message-count': '1',
  messages: [{ status, 'error-text': errorText }],
});

/** Vonage's receipt `status` for the fake gateway's own: accepted on its way, then delivered or failed. */
export function vonageStatusOf(status: string): string {
  return status === 'sent'
    ? 'accepted'
    : status === 'delivered'
      ? 'delivered'
      : status === 'failed'
        ? 'rejected'
        : 'failed';
}

/** The receipt Vonage posts for `status` of one message, signed when a signature secret is set. */
export function vonageReceiptRequest(
  creds: VonageStandInCredentials | undefined,
  sms: { sid: string; to: string; from: string; statusCallback: string },
  status: string,
  errorCode: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): { url: string; init: RequestInit } {
  const at = new Date(nowSeconds * 1000);
  const scts = at.toISOString().replace(/[-T:]/g, '').slice(2, 12);
  const params: Record<string, string> = {
    msisdn: sms.to.replace(/^\+/, ''),
    to: sms.from,
    'network-code': '23410',
    messageId: sms.sid,
    price: '0.03330000',
    status: vonageStatusOf(status),
    scts,
    'err-code': status === 'sent' || status === 'delivered' ? '0' : (errorCode ?? '1'),
    'api-key': creds?.apiKey ?? 'fake',
    'message-timestamp': at.toISOString().replace('T', ' ').slice(0, 19),
  };
  if (creds?.signatureSecret) {
    params['timestamp'] = String(nowSeconds);
    params['nonce'] = randomBytes(16).toString('hex');
    params['sig'] = vonageSignature(params, creds.signatureSecret, creds.signatureMethod ?? 'sha256');
  }
  return {
    url: sms.statusCallback,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    },
  };
}
