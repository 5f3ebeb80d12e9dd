import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * The server's BAD_USER_INPUT messages keyed by the input field they blame (`extensions.field`
 * "input.amount" → "amount"), so each form shows them next to the field the rep has to correct.
 */
export function fieldErrors(error: unknown): Readonly<Record<string, string>> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const byField: Record<string, string> = {};
  for (const { message, extensions } of error.errors) {
    const field = extensions?.field;
    if (extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string') {
      byField[field.replace(/^input\./, '')] = message;
    }
  }
  return byField;
}
