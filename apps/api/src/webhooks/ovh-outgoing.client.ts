import { Inject, Injectable } from '@nestjs/common';
import { ovhSignature } from '@twofold/sms-queue';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Reads one sent SMS back from OVHcloud (`GET /1.0/sms/{service}/outgoing/{id}`, signed like the
 * worker's sends; the consumer key needs GET on /sms/{service}/outgoing/*), so an unsigned
 * delivery report is applied only as far as OVHcloud's own record confirms it.
 */
@Injectable()
export class OvhOutgoingClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** False when the API has no OVH_* credentials: reports are then trusted on their URL token alone. */
  get configured(): boolean {
    return this.config.sms.ovh !== undefined;
  }

  /** OVHcloud's `deliveryReceipt` of that SMS; null when it has no such outgoing SMS. Throws when it cannot tell. */
  async deliveryReceipt(id: string): Promise<number | null> {
    const ovh = this.config.sms.ovh;
    if (!ovh) throw new Error('ovh is not configured');
    const url = `${ovh.endpoint}/1.0/sms/${encodeURIComponent(ovh.service)}/outgoing/${encodeURIComponent(id)}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'GET',
      headers: {
        Accept: 'application/json',
        'X-Ovh-Application': ovh.appKey,
        'X-Ovh-Consumer': ovh.consumerKey,
        'X-Ovh-Timestamp': String(timestamp),
        'X-Ovh-Signature': ovhSignature(ovh.appSecret, ovh.consumerKey, 'GET', url, '', timestamp),
      },
      signal: AbortSignal.timeout(this.config.sms.requestTimeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      if (res.status === 404) return null;
      throw new Error(`ovh outgoing: HTTP ${res.status}`);
    }
    const json = (await res.json().catch(() => null)) as { deliveryReceipt?: unknown } | null;
    return typeof json?.deliveryReceipt === 'number' ? json.deliveryReceipt : null;
  }
}
