import type { Closeness, DecisionRole, InfluenceLevel } from '@dossier/domain';
import type { MapLink, MapPerson, MapRole, MapStaff } from '@dossier/relationship-map';
import type { MapEdge_RelationshipFragment, MapTabQuery } from '../../../apollo/generated';

type MapData = NonNullable<MapTabQuery['customer']>['relationshipMap'];

export interface Suggestion {
  readonly staffName: string;
  readonly viaName: string;
  readonly closeness: Closeness;
}

export interface GeneralRole {
  readonly id: string;
  readonly version: number;
  readonly role: DecisionRole;
  readonly influence: InfluenceLevel;
  readonly concerns: string | null;
}

export interface MapModel {
  /** Active key persons only: someone who left is history, not a door to open. */
  readonly persons: MapPerson[];
  readonly roles: MapRole[];
  /** Each person's roles for purchases in general (no project): the ones the card's menu edits. */
  readonly generalRoles: ReadonlyMap<string, GeneralRole[]>;
  readonly links: MapLink[];
  /** Our active staff on the map: everyone linked to an active key person, then the owner and me. */
  readonly staff: MapStaff[];
  /** The staff on the map whose relationships the viewer may record (Staff.mayActFor): links start there. */
  readonly recordable: ReadonlySet<string>;
  readonly relationships: ReadonlyMap<string, MapEdge_RelationshipFragment>;
  readonly uncovered: ReadonlySet<string>;
  readonly suggestions: ReadonlyMap<string, Suggestion[]>;
  /** The competitor each active key person favours, by person id; absent when none. */
  readonly favours: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
}

/** The query's answer in the shapes of `@dossier/relationship-map`. */
export function toMapModel(
  map: MapData,
  extraStaff: readonly ((MapStaff & { mayActFor: boolean }) | null)[],
): MapModel {
  const persons = map.keyPersons
    .filter((p) => p.active)
    .map((p) => ({
      id: p.id,
      name: p.name,
      title: p.title,
      department: p.department,
      reportsToId: p.reportsTo?.id ?? null,
      active: p.active,
      placeholder: p.isPlaceholder,
    }));
  const activeIds = new Set(persons.map((p) => p.id));
  const shown = map.relationships.filter((r) => r.staff.active && activeIds.has(r.keyPerson.id));
  const generalRoles = new Map<string, GeneralRole[]>();
  for (const r of map.roles) {
    if (r.project) continue;
    const own = generalRoles.get(r.keyPerson.id) ?? [];
    own.push({ id: r.id, version: r.version, role: r.role, influence: r.influence, concerns: r.concerns });
    generalRoles.set(r.keyPerson.id, own);
  }
  const staff = new Map<string, MapStaff>();
  for (const r of shown) staff.set(r.staff.id, { id: r.staff.id, name: r.staff.name });
  for (const s of extraStaff) if (s && !staff.has(s.id)) staff.set(s.id, { id: s.id, name: s.name });
  const recordable = new Set(
    [...shown.map((r) => r.staff), ...extraStaff].flatMap((s) => (s?.mayActFor ? [s.id] : [])),
  );
  return {
    persons,
    roles: map.roles.map((r) => ({ keyPersonId: r.keyPerson.id, role: r.role, influence: r.influence })),
    generalRoles,
    links: shown.map((r) => ({
      id: r.id,
      staffId: r.staff.id,
      keyPersonId: r.keyPerson.id,
      state: r.state,
      staffActive: r.staff.active,
    })),
    staff: [...staff.values()],
    recordable,
    relationships: new Map(shown.map((r) => [r.id, r])),
    uncovered: new Set(map.coverage.gaps.map((g) => g.keyPerson.id)),
    suggestions: new Map(
      map.coverage.gaps.map((g) => [
        g.keyPerson.id,
        g.suggestedContacts.map((s) => ({
          staffName: s.staff.name,
          viaName: s.via.name,
          closeness: s.closeness,
        })),
      ]),
    ),
    favours: new Map(
      map.keyPersons.flatMap((p) =>
        p.active && p.favoursCompetitor
          ? [[p.id, { id: p.favoursCompetitor.id, name: p.favoursCompetitor.name }]]
          : [],
      ),
    ),
  };
}
