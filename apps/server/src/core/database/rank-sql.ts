/**
 * A text column as a number from a table of our own, e.g. an enum ranked so SQL can sort by it or take its
 * max. The table's keys and numbers are constants of the code, never client input, so they are written into
 * the statement.
 */
export function rankSql(column: string, ranks: Readonly<Record<string, number>>): string {
  const cases = Object.entries(ranks).map(([value, rank]) => `when '${value}' then ${rank}`);
  return `case ${column} ${cases.join(' ')} end`;
}
