import type { EntityManager } from '@mikro-orm/postgresql';
import type { Staff } from '../modules/staff/staff.entity.js';
import type { Logger } from './logger.js';

/** Everything one GraphQL request works with: its own EntityManager fork and who is asking. */
export interface Context {
  em: EntityManager;
  viewer: Staff | null;
  log: Logger;
  /** The request's language for messages meant for people. */
  locale: 'zh-CN' | 'en';
}
