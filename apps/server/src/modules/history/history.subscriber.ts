import { ChangeAction } from '@dossier/domain';
import { type ChangeSet, ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { currentActorId } from '../../core/audit/actor.js';
import { changedFields, historyFields } from '../../core/audit/field-values.js';
import { Staff } from '../staff/staff.entity.js';
import { Change, FieldChange } from './change.entity.js';

/** A record that belongs to a customer's dossier and so has its changes kept. */
interface DossierRecord {
  id: string;
  dossierId(): string;
}

const isDossierRecord = (entity: object): entity is DossierRecord =>
  typeof (entity as Partial<DossierRecord>).dossierId === 'function';

const ACTIONS: Partial<Record<ChangeSetType, ChangeAction>> = {
  [ChangeSetType.CREATE]: ChangeAction.CREATE,
  [ChangeSetType.UPDATE]: ChangeAction.UPDATE,
  [ChangeSetType.DELETE]: ChangeAction.DELETE,
};

function fieldsOf(changeSet: ChangeSet<DossierRecord>) {
  const before = historyFields(
    changeSet.meta,
    changeSet.type === ChangeSetType.CREATE ? {} : changeSet.originalEntity,
  );
  if (changeSet.type === ChangeSetType.DELETE) return changedFields(before, new Map());
  const after = new Map(before);
  for (const [field, value] of historyFields(changeSet.meta, changeSet.payload)) after.set(field, value);
  return changedFields(before, after);
}

/**
 * Writes a Change with its FieldChanges for every created, updated or deleted dossier record, inside the
 * flush that writes the record: history and data commit or roll back together.
 */
export class HistorySubscriber implements EventSubscriber {
  onFlush({ em, uow }: FlushEventArgs): void {
    const actorId = currentActorId();
    for (const changeSet of uow.getChangeSets()) {
      const action = ACTIONS[changeSet.type];
      if (!action || !isDossierRecord(changeSet.entity)) continue;
      const fields = fieldsOf(changeSet as ChangeSet<DossierRecord>);
      if (action === ChangeAction.UPDATE && fields.length === 0) continue;
      const change = new Change(
        actorId ? em.getReference(Staff, actorId, { wrapped: true }) : null,
        changeSet.meta.className,
        changeSet.entity.id,
        action,
        changeSet.entity.dossierId(),
      );
      em.persist(change);
      uow.computeChangeSet(change);
      for (const field of fields) {
        const fieldChange = new FieldChange(field.field, field.before, field.after);
        change.fieldChanges.add(fieldChange);
        uow.computeChangeSet(fieldChange);
      }
    }
  }
}
