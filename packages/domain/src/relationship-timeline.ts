import type { RelationshipState } from './enums.js';

// A relationship's state timeline (关系状况变化): the changes of its state and note, read from the
// history. The history keeps only the fields a change touched, so each entry's full picture (the state
// before and after, the note after) is rebuilt here by walking back from the relationship as it is now.

/** A value before and after one change, as the history keeps it (text; null for none). */
export interface FieldValues {
  readonly before: string | null;
  readonly after: string | null;
}

/** One recorded change of a relationship, with the fields of interest it touched. */
export interface RecordedRelationshipChange<C> {
  readonly change: C;
  readonly state?: FieldValues;
  readonly note?: FieldValues;
}

export interface RelationshipTimelineEntry<C> {
  readonly change: C;
  /** the state before this change; null when the change created the relationship */
  readonly previousState: RelationshipState | null;
  readonly state: RelationshipState;
  /** the note after this change */
  readonly note: string | null;
  readonly noteChanged: boolean;
}

/**
 * The entries of the changes that touched the state or the note, newest first, given the relationship's
 * current state and note and its changes newest first. Changes touching neither (e.g. a handover moving the
 * link to another colleague) are left out. Walking back from today's values fills in what a change did not
 * touch, and stays right for a relationship whose creation was never recorded (bulk-loaded data): its
 * oldest entry then says what the state was before its first recorded change.
 */
export function relationshipTimeline<C>(
  current: { readonly state: RelationshipState; readonly note: string | null },
  changesNewestFirst: readonly RecordedRelationshipChange<C>[],
): RelationshipTimelineEntry<C>[] {
  let state: RelationshipState | null = current.state;
  let note = current.note;
  const entries: RelationshipTimelineEntry<C>[] = [];
  for (const { change, state: stateChange, note: noteChange } of changesNewestFirst) {
    if (!stateChange && !noteChange) continue;
    const previousState: RelationshipState | null = stateChange
      ? (stateChange.before as RelationshipState | null)
      : state;
    // A relationship always has a state, so `state` is null only past its recorded creation.
    if (state !== null) {
      entries.push({ change, previousState, state, note, noteChanged: noteChange !== undefined });
    }
    state = previousState;
    if (noteChange) note = noteChange.before;
  }
  return entries;
}
