import { type FieldValues, RelationshipState, relationshipTimeline } from '@dossier/domain';
import type { EntityDictionary } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import type { LoaderFactory } from '../../core/loaders.js';
import { Change } from '../history/change.entity.js';
import type { Relationship } from './relationship.entity.js';

/** One change of a relationship's state or note, with the state before and after it (关系状况变化). */
@ObjectType({ description: "A change of a relationship's state or note / 关系状况变化" })
export class RelationshipTimelineEntry {
  @Field(() => Change, { description: 'The recorded change: when, who, every field / 变更记录' })
  change!: Change;

  @Field(() => RelationshipState, {
    nullable: true,
    description: 'State before the change; null when it created the relationship / 变更前状况',
  })
  previousState!: RelationshipState | null;

  @Field(() => RelationshipState, { description: 'State after the change / 变更后状况' })
  state!: RelationshipState;

  @Field(() => String, { nullable: true, description: 'Note after the change / 变更后备注' })
  note!: string | null;

  @Field({ description: 'Whether the change wrote the note / 是否修改了备注' })
  noteChanged!: boolean;
}

type Row = EntityDictionary<Change> & {
  touched: { state?: FieldValues; note?: FieldValues } | null;
};

/**
 * The timelines of many relationships in one statement: their changes newest first, each with the state and
 * note values it wrote aggregated beside it (change_entity_index finds them), the entries then rebuilt in
 * memory from each relationship as it is now.
 */
export const timelineOfRelationship: LoaderFactory<
  DataLoader<Relationship, RelationshipTimelineEntry[], string>
> = (em) =>
  new DataLoader(
    async (relationships) => {
      const touched = `(select json_object_agg(f.field, json_build_object('before', f.before, 'after', f.after))
        from field_change f where f.change_id = c.id and f.field in ('state', 'note')) as touched`;
      const query = em
        .getKnex()('change as c')
        .select('c.*', em.getKnex().raw(touched))
        .where('c.entity_type', 'Relationship')
        .whereIn(
          'c.entity_id',
          relationships.map((relationship) => relationship.id),
        )
        .orderBy([
          { column: 'c.at', order: 'desc' },
          { column: 'c.id', order: 'desc' },
        ]);
      const rows = await em.execute<Row[]>(query);
      const changes = new Map<string, Array<{ change: Change } & NonNullable<Row['touched']>>>();
      for (const { touched, ...row } of rows) {
        const change = em.map(Change, row as EntityDictionary<Change>);
        const list = changes.get(change.entityId) ?? [];
        list.push({ change, ...touched });
        changes.set(change.entityId, list);
      }
      return relationships.map((relationship) =>
        relationshipTimeline(relationship, changes.get(relationship.id) ?? []).map((entry) =>
          Object.assign(new RelationshipTimelineEntry(), entry),
        ),
      );
    },
    { cacheKeyFn: (relationship) => relationship.id },
  );
