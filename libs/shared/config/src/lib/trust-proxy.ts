import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which proxies may tell the API the client's address (X-Forwarded-For). `off`: none, the
 * client is the socket address. `hops`: that many proxies stand in front of every instance, so
 * the client is the hops-th address from the right. `subnets`: walk back from the socket over
 * addresses in these subnets; the first one outside is the client.
 */
export type TrustProxy = { kind: 'off' } | { kind: 'hops'; hops: number } | { kind: 'subnets'; subnets: string[] };

/** proxy-addr's names (Express `trust proxy`) for ranges no public client can come from. */
const KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_HOPS = 32;

/** TRUST_PROXY's text as a TrustProxy, or the problem with it (without the variable's name). */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { problem: string } {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'false' || value === '0') return { kind: 'off' };
  // `true` trusted every hop: X-Forwarded-For is client-set, so its leftmost entry was whatever the client wrote.
  if (['true', 'yes', 'on'].includes(value)) {
    return {
      problem:
        'cannot be true any more: it trusted every X-Forwarded-For hop, so any client could choose its own IP. ' +
        'Set the number of proxies in front of the API (e.g. 1), their addresses or subnets (e.g. 10.0.0.0/8,loopback), or false',
    };
  }
  if (/^[0-9]+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) return { problem: `must be at most ${MAX_HOPS} proxies, got ${hops}` };
    return { kind: 'hops', hops };
  }
  const subnets = value.split(',').map((s) => s.trim());
  for (const subnet of subnets) {
    if (!isTrustedRange(subnet)) {
      return { problem: `must be false, a number of proxies, or a comma list of IPs, CIDR subnets, loopback, linklocal or uniquelocal; got "${subnet}"` };
    }
  }
  return { kind: 'subnets', subnets };
}

function isTrustedRange(text: string): boolean {
  if (KEYWORDS.includes(text)) return true;
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || address.includes('%')) return false;
  const bits = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0;
  if (bits === 0) return false;
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= bits;
}
