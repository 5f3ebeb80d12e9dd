import { InboxItemState } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context.js';
import { viewerOf } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';
import { findOwnItem } from './inbox.query.js';
import { InboxItem } from './inbox-item.entity.js';

/**
 * The viewer's item by global id; someone else's, or one about a customer the viewer no longer reads, does
 * not exist for them (NOT_FOUND), as the list does not show it.
 */
async function ownItem(em: EntityManager, viewer: Staff, globalId: string): Promise<InboxItem> {
  const item = await findOwnItem(em, viewer, idOf(globalId, 'InboxItem', 'id'));
  if (!item) throw notFound('InboxItem', globalId, 'id');
  return item;
}

/** One change of an item's state, as the viewer, versioned and recorded in the history by the flush. */
function changeItem(
  ctx: Context,
  globalId: string,
  expectedVersion: number,
  change: (item: InboxItem) => void,
): Promise<InboxItem> {
  const viewer = viewerOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const item = await ownItem(em, viewer, globalId);
    expectVersion(item, expectedVersion);
    change(item);
    return item;
  });
}

export const markDone = (ctx: Context, id: string, version: number) =>
  changeItem(ctx, id, version, (item) => {
    if (item.state === InboxItemState.DONE) throw badInput('id', 'is done already');
    item.state = InboxItemState.DONE;
    item.doneAt = ctx.clock.now();
    item.snoozedUntil = null;
  });

/** Puts an open item away until a later business day, when the sweep opens it again. */
export const snooze = (ctx: Context, id: string, version: number, until: string) =>
  changeItem(ctx, id, version, (item) => {
    if (item.state === InboxItemState.DONE) throw badInput('id', 'is done: reopen it first');
    if (until <= ctx.clock.today()) throw badInput('until', 'must be a day after today');
    item.state = InboxItemState.SNOOZED;
    item.snoozedUntil = until;
  });

/** Back to open: a done item the person has not finished after all, or a snoozed one wanted now. */
export const reopen = (ctx: Context, id: string, version: number) =>
  changeItem(ctx, id, version, (item) => {
    if (item.state === InboxItemState.OPEN) throw badInput('id', 'is open already');
    item.state = InboxItemState.OPEN;
    item.doneAt = null;
    item.snoozedUntil = null;
    // Open again by hand: no longer an item its cause closed.
    item.settledAt = null;
  });
