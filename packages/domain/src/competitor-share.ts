import { formatDecimal, tryParseDecimal } from './money.js';

/** Shares are percentages with two decimals, kept as hundredths of a percent: 12.5 % → 1250n. */
const SHARE_SCALE = 2;
const WHOLE_WALLET = 100n * 10n ** BigInt(SHARE_SCALE);

export type ShareProblem = 'NOT_A_PERCENTAGE' | 'OUT_OF_RANGE';

/**
 * A competitor's estimated share of a customer's spend, in hundredths of a percent, or why it is no
 * share: not a decimal with at most two decimals, or outside 0–100.
 */
export function parseShare(
  value: string,
): { ok: true; hundredths: bigint } | { ok: false; problem: ShareProblem } {
  const parsed = tryParseDecimal(value, { scale: SHARE_SCALE });
  if (!parsed.ok) return { ok: false, problem: 'NOT_A_PERCENTAGE' };
  if (parsed.value < 0n || parsed.value > WHOLE_WALLET) return { ok: false, problem: 'OUT_OF_RANGE' };
  return { ok: true, hundredths: parsed.value };
}

/**
 * Whether the estimated shares of the competitors at one customer fit in its wallet: together at most 100 %
 * (what is left is ours, or nobody's we know of). Blank shares (unknown) count as nothing.
 */
export function sharesFitWallet(shares: ReadonlyArray<string | null>): boolean {
  let total = 0n;
  for (const share of shares) {
    if (share === null) continue;
    const parsed = parseShare(share);
    if (!parsed.ok) return false;
    total += parsed.hundredths;
  }
  return total <= WHOLE_WALLET;
}

/** What is left of the wallet after the given shares, as a percentage with two decimals ("37.50"). */
export function walletLeft(shares: ReadonlyArray<string | null>): string {
  let total = 0n;
  for (const share of shares) {
    const parsed = share === null ? null : parseShare(share);
    if (parsed?.ok) total += parsed.hundredths;
  }
  return formatDecimal(WHOLE_WALLET - total, SHARE_SCALE);
}
