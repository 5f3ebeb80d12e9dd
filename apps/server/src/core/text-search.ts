/** An ILIKE pattern matching text that contains `search` literally: its `%`, `_` and `\` match themselves. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
