/**
 * Where an inbox item stands (issue 14). OPEN waits for the person; DONE was acted on (by the person, or
 * settled by its source when the cause went away); SNOOZED comes back OPEN on its `snoozedUntil` day.
 */
export enum InboxItemState {
  OPEN = 'OPEN',
  DONE = 'DONE',
  SNOOZED = 'SNOOZED',
}
