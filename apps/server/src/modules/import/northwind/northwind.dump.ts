/**
 * The statements of a pg_dump that create and fill its tables. Its SETs are left out (they would outlive the
 * transaction on a pooled connection), so are its DROPs (it runs in a fresh schema) and its constraints (the
 * data is only read once, by joins that do not need them).
 */
export function tableStatements(dump: string): string[] {
  const statements: string[] = [];
  let current = '';
  let quoted = false;
  for (const line of dump.split('\n')) {
    if (!quoted && (line.startsWith('--') || line.trim() === '')) continue;
    for (const char of line) {
      if (char === "'") quoted = !quoted;
      if (char === ';' && !quoted) {
        statements.push(current.trim());
        current = '';
      } else {
        current += char;
      }
    }
    current += '\n';
  }
  return statements.filter((statement) => /^(create table|insert into)\s/i.test(statement));
}
