import { toGlobalId } from '../../src/core/graphql/global-id.js';

interface Answer {
  data?: { setRelationshipState?: { id: string; version: number } | null } | null;
  errors?: Array<{ extensions?: { code?: string } }>;
}

/**
 * What the soak's client saw: every answer by outcome (OK, a GraphQL error code, HTTP_<status>) and the
 * acknowledged writes per relationship (its database id), which the invariants compare with the database.
 */
export function tally(relationshipIds: readonly string[]) {
  const byGlobalId = new Map(relationshipIds.map((id) => [toGlobalId('Relationship', id), id]));
  const outcomes: Record<string, number> = {};
  const acknowledged = new Map<string, number>();
  const writes = { sent: 0, answered: 0 };
  const count = (outcome: string) => {
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };
  return {
    outcomes,
    acknowledged,
    /** Writes sent whose answer never came: the load stopped with them in flight (or they timed out). */
    unansweredWrites: () => writes.sent - writes.answered,
    sent(write: boolean) {
      if (write) writes.sent += 1;
    },
    answered(status: number, text: string, write: boolean) {
      if (write) writes.answered += 1;
      if (status !== 200) return count(`HTTP_${status}`);
      let answer: Answer;
      try {
        answer = JSON.parse(text) as Answer;
      } catch {
        return count('NOT_JSON');
      }
      if (answer.errors?.length) {
        for (const error of answer.errors) count(error.extensions?.code ?? 'NO_CODE');
        return;
      }
      count('OK');
      const written = answer.data?.setRelationshipState;
      if (!written) return;
      const id = byGlobalId.get(written.id);
      if (!id) return count('UNKNOWN_RELATIONSHIP');
      acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
    },
    /** Failures autocannon counts without an answer: connection errors and requests past its timeout. */
    unanswered(errors: number, timeouts: number) {
      if (timeouts > 0) outcomes.TIMEOUT = timeouts;
      if (errors - timeouts > 0) outcomes.TRANSPORT_ERROR = errors - timeouts;
    },
  };
}
