import { RELATIONSHIP_FAVOURABILITY, RelationshipState } from '@dossier/domain';
import { rankSql } from '../../core/database/rank-sql.js';

/** A relationship state column as its favourability rank (RELATIONSHIP_FAVOURABILITY): best is the largest. */
export function favourabilitySql(stateColumn: string): string {
  return rankSql(stateColumn, RELATIONSHIP_FAVOURABILITY);
}

/**
 * The favourability rank of a key person's best relationship with us, as coverage.ts defines "best": only
 * links to staff still working here count, and a placeholder (no name yet) is NONE whatever was recorded
 * against its role. `keyPerson` is the alias of the key_person row.
 */
export function bestFavourabilitySql(keyPerson: string): string {
  return `case when ${keyPerson}.name is null then ${RELATIONSHIP_FAVOURABILITY[RelationshipState.NONE]}
    else coalesce((select max(${favourabilitySql('br.state')}) from relationship br
      join staff bs on bs.id = br.staff_id where br.key_person_id = ${keyPerson}.id and bs.active),
      ${RELATIONSHIP_FAVOURABILITY[RelationshipState.NONE]}) end`;
}
