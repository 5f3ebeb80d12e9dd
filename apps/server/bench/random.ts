// SQL expressions for deterministic pseudo-random data: every value is a hash of a row number and a
// stream number, so the same arguments give the same rows on every run, and PostgreSQL generates them in
// set-based statements without a round trip per row.

/** A float in [0, 1) from the 53 low bits of hashint8extended(i, stream). */
export const unit = (stream: number, i: string) =>
  `((hashint8extended((${i})::int8, ${stream}) & 9007199254740991)::float8 / 9007199254740992)`;

/** An integer in [0, n). */
export const below = (stream: number, i: string, n: number) => `floor(${unit(stream, i)} * ${n})::int`;

export const literal = (value: string | number) =>
  typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;

/** The value at a zero-based index expression. */
export const at = (values: ReadonlyArray<string | number>, index: string) =>
  `(array[${values.map(literal).join(',')}])[1 + ${index}]`;

/** One of the values, each as likely. */
export const pick = (stream: number, i: string, values: ReadonlyArray<string | number>) =>
  at(values, below(stream, i, values.length));

/** One of the values, each as likely as its weight (the hash is cheap enough to compute per branch). */
export function weighted(stream: number, i: string, table: ReadonlyArray<readonly [string, number]>): string {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let bound = 0;
  const branches = table.slice(0, -1).map(([value, weight]) => {
    bound += weight / total;
    return `when ${unit(stream, i)} < ${bound} then ${literal(value)}`;
  });
  return `case ${branches.join(' ')} else ${literal(table[table.length - 1]?.[0] ?? '')} end`;
}

/** A stable uuid for row `i` of a kind, random-looking like the application's v4 ids. */
export const uuidOf = (kind: string, i: string) => `md5('${kind}' || (${i}))::uuid`;
