import type { TrustProxy } from '@twofold/config';

/**
 * TRUST_PROXY as Express's `trust proxy` setting. Never `true`: that trusts every hop, so the
 * leftmost, client-written X-Forwarded-For entry would become `req.ip`.
 */
export function expressTrustProxy(setting: TrustProxy): false | number | string[] {
  switch (setting.kind) {
    case 'off':
      return false;
    case 'hops':
      return setting.hops;
    case 'subnets':
      return [...setting.subnets];
  }
}
