/**
 * Today on the rep's device as a LocalDate, to prefill date fields. Only a suggestion: the server
 * checks dates against the business calendar and says which field is wrong.
 */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
