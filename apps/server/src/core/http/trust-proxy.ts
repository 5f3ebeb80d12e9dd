import { isIP } from 'node:net';

/** Express's `trust proxy`: a hop count, or addresses, CIDR ranges and its named ranges. */
export type TrustProxy = number | string[];

/** The names Express (proxy-addr) knows for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
}

/**
 * DOSSIER_TRUST_PROXY as Express takes it: a number of proxies in front of the server (the client is that
 * many addresses from the right of X-Forwarded-For), or the proxies' addresses / CIDRs, comma-separated.
 * Unset: loopback only, a proxy on the same machine. Undefined when the value is neither.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return ['loopback'];
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.length > 0 && entries.every(isAddressOrRange) ? entries : undefined;
}
