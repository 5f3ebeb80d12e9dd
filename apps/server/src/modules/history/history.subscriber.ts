import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { recordFlush } from './history.writer.js';

/**
 * Records every created, updated or deleted dossier record inside the flush that writes it: history and
 * data commit or roll back together.
 */
export class HistorySubscriber implements EventSubscriber {
  onFlush(args: FlushEventArgs): void {
    recordFlush(args);
  }
}
