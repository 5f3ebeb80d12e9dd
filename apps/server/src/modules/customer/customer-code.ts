import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Codes createCustomer generates when none is given: "C" and the next value of customer_code_seq, at least
 * six digits. Imports, the seed and people typing a code can take codes of this very pattern, so the sequence
 * is moved past the codes written in bulk, and generation skips any code still taken.
 */
const formatCode = (n: bigint) => `C${n.toString().padStart(6, '0')}`;

/** The sequence number a code would be generated from, or null when no sequence value produces it. */
const GENERATED = /^C(\d{6}|[1-9]\d{6,17})$/;
function sequenceNumberOf(code: string): bigint | null {
  const digits = GENERATED.exec(code)?.[1];
  return digits === undefined ? null : BigInt(digits);
}

/** The next generated code no customer holds yet. */
export async function nextCustomerCode(em: EntityManager): Promise<string> {
  for (;;) {
    const [row] = await em.execute<Array<{ n: string }>>("select nextval('customer_code_seq') as n");
    const code = formatCode(BigInt(row?.n ?? 0));
    const [taken] = await em.execute('select 1 from customer where code = ?', [code]);
    if (!taken) return code;
  }
}

/**
 * Moves the sequence past the largest of `codes` that generation could produce, so bulk writes (import,
 * seed) cost later creates no skipping. Call it before inserting them: a sequence change is visible to every
 * session at once and survives a rollback (a gap, harmless), while the rows are not visible until commit.
 */
export async function reserveCustomerCodes(em: EntityManager, codes: Iterable<string | null>): Promise<void> {
  let highest: bigint | null = null;
  for (const code of codes) {
    const n = code === null ? null : sequenceNumberOf(code);
    if (n !== null && (highest === null || n > highest)) highest = n;
  }
  if (highest === null) return;
  // Only forward: last_value is the next value to hand out while is_called is false (a fresh sequence).
  await em.execute(
    `select setval('customer_code_seq', ?::bigint) from customer_code_seq
     where ?::bigint >= last_value + is_called::int`,
    [highest.toString(), highest.toString()],
  );
}
