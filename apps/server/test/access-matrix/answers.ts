import type { GraphQLFormattedError } from 'graphql';

export interface Answer {
  data: Record<string, unknown> | null;
  errors: readonly GraphQLFormattedError[];
}

/** The markers (ids, names, personal values) an answer shows that its request did not itself name. */
export function findLeaks(answer: Answer, markers: Iterable<string>, request = ''): string[] {
  const text = JSON.stringify(answer);
  return [...markers].filter((marker) => text.includes(marker) && !request.includes(marker));
}

/** Every `id` in an answer. */
export function harvestIds(value: unknown, ids = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) harvestIds(item, ids);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'id' && typeof item === 'string') ids.add(item);
      else harvestIds(item, ids);
    }
  }
  return ids;
}

/**
 * Connections whose count disagrees with their rows: every page is asked in full, so `totalCount` counting
 * a row the viewer does not get is a count leaking a hidden row.
 */
export function pageCountProblems(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => pageCountProblems(item, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    typeof record.totalCount === 'number' &&
    Array.isArray(record.nodes) &&
    record.totalCount !== record.nodes.length
      ? [`${path}: totalCount ${record.totalCount}, ${record.nodes.length} nodes`]
      : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, item]) => pageCountProblems(item, `${path}.${key}`)),
  ];
}

export const codesOf = (answer: Answer) => answer.errors.map((error) => error.extensions?.code);

/**
 * What may differ for a viewer once another line's customer exists, by the README's rules: ABC classes
 * and ranks are the company's, so a customer's `rank` (and the ranking's cursors, which hold it) moves when
 * a bigger customer appears anywhere. Masked, so everything else must stay the same.
 */
export function withoutCompanyRanks(value: unknown, parent = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutCompanyRanks(item, parent));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const type = typeof record.__typename === 'string' ? record.__typename : '';
  const masked = new Set<string>();
  if (type === 'AbcGrade') masked.add('rank');
  if (type === 'AbcCustomerEdge') masked.add('cursor');
  if (type === 'PageInfo' && parent === 'AbcCustomerConnection') {
    masked.add('startCursor').add('endCursor');
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [
      key,
      masked.has(key) ? '(company-wide)' : withoutCompanyRanks(item, type),
    ]),
  );
}
