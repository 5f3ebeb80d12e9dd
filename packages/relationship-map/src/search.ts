import type { MapPerson } from './model.js';
import { ancestorsOf, superiors } from './org-chart.js';

export interface SearchTarget {
  /** The person to centre on. */
  readonly id: string;
  /** Folded superiors to unfold so the person is drawn. */
  readonly unfold: string[];
}

/**
 * Search-and-focus: the first person (in the order given) whose name, title or department contains the
 * query, case-insensitively, with the folded superiors that hide them. Null for a blank query or no match.
 */
export function searchTarget(
  persons: readonly MapPerson[],
  query: string,
  collapsed: ReadonlySet<string>,
): SearchTarget | null {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return null;
  const found = persons.find((p) =>
    [p.name, p.title, p.department].some((text) => text?.toLocaleLowerCase().includes(needle)),
  );
  if (!found) return null;
  const unfold = ancestorsOf(superiors(persons), found.id).filter((id) => collapsed.has(id));
  return { id: found.id, unfold };
}
