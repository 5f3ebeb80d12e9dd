import { type ChildrenRead, childrenLoaderOf } from '../../core/children-read.js';
import { byIdLoader } from '../../core/loaders.js';
import { newestFirstLoaders } from '../../core/pagination/newest-first.js';
import { Change, FieldChange } from './change.entity.js';

/**
 * A customer's history, newest first (at desc, id desc): every change carries the customer it belongs to,
 * so the changes of its key persons, relationships, roles, projects, events and credit reports are all one
 * range of the change_customer_history index, narrowed by the changed record's type for a section filter.
 */
export const historyOfCustomer = newestFirstLoaders({
  entity: Change,
  table: 'change',
  parentColumn: 'customer_id',
  timeColumn: 'at',
  timeOf: (change) => change.at,
  kindColumn: 'entity_type',
});

/** The field values of a whole page of changes in one query, in the order they were written. */
export const FIELD_CHANGES_OF_CHANGE: ChildrenRead<FieldChange> = {
  entity: FieldChange,
  parent: 'change',
  orderBy: { id: 'asc' },
};

export const fieldChangesOf = childrenLoaderOf(FIELD_CHANGES_OF_CHANGE);

export const changeById = byIdLoader(Change);
