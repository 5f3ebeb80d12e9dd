// Parenthesised labels cannot be GraphQL names, so no client can pass its operation off as one of these.
/** The label of an operation that has no name (`{ … }` or `query { … }`). */
export const ANONYMOUS = '(anonymous)';
/** The label of a request refused before an operation was found in it (a parse or validation error). */
export const UNRESOLVED = '(unresolved)';
/** The label of every operation name past the cap. */
export const OTHER_OPERATIONS = '(other)';

/**
 * Maps a client's operation name to its metric label, remembering at most `cap` names: operation names
 * come from whoever sends a request, and every distinct label value is a time series kept by this process
 * and by Prometheus forever, so a client inventing names (or a bug naming operations by id) must not be
 * able to grow either without bound. The first `cap` names seen keep their own label (the web app's and
 * the known clients' operations arrive early and often); later ones share OTHER_OPERATIONS.
 * A long name cannot inflate memory either: names over `maxLength` count as other as well.
 */
export class OperationLabels<T> {
  private readonly known = new Map<string, T>();
  private readonly other: T;
  private readonly limit: number;

  constructor(
    cap: number,
    private readonly maxLength: number,
    private readonly create: (label: string) => T,
  ) {
    this.other = create(OTHER_OPERATIONS);
    for (const fixed of [ANONYMOUS, UNRESOLVED]) this.known.set(fixed, create(fixed));
    this.limit = this.known.size + cap;
  }

  /** What is recorded under `label` (an operation's name or a fixed label): one Map lookup once known. */
  of(label: string): T {
    const known = this.known.get(label);
    if (known !== undefined) return known;
    if (this.known.size >= this.limit || label.length > this.maxLength) return this.other;
    const created = this.create(label);
    this.known.set(label, created);
    return created;
  }
}
