import { Closeness, DecisionRole, InfluenceLevel, RelationshipState } from '@dossier/domain';
import type { MapEdge_RelationshipFragment, MapTabQuery } from '../../../apollo/generated';

type Customer = NonNullable<MapTabQuery['customer']>;

type MapStaff = MapEdge_RelationshipFragment['staff'];

/** The signed-in rep's own staff row: they record their own links. */
export const wang: MapStaff = {
  __typename: 'Staff',
  id: 'staff-wang',
  name: '王强',
  active: true,
  mayActFor: true,
};
/** A colleague on another line: the signed-in rep reads their links and records none. */
export const wangWei: MapStaff = {
  __typename: 'Staff',
  id: 'staff-wei',
  name: '王伟',
  active: true,
  mayActFor: false,
};
const zhao: MapStaff = {
  __typename: 'Staff',
  id: 'staff-zhao',
  name: '赵敏',
  active: false,
  mayActFor: false,
};

const person = (id: string, name: string, reportsTo: string | null, active = true) => ({
  __typename: 'KeyPerson' as const,
  id,
  name,
  title: null,
  department: null,
  active,
  isPlaceholder: false,
  version: 1,
  reportsTo: reportsTo ? { __typename: 'KeyPerson' as const, id: reportsTo } : null,
  // 李工 leans towards a competitor: the card says so.
  favoursCompetitor:
    id === 'kp-li' ? { __typename: 'Competitor' as const, id: 'comp-abb', name: 'ABB' } : null,
});

export function link(
  id: string,
  staff: MapStaff,
  keyPersonId: string,
  state: RelationshipState,
  version = 3,
): MapEdge_RelationshipFragment {
  return {
    __typename: 'Relationship',
    id,
    state,
    note: null,
    version,
    lastContactAt: null,
    mayRecord: staff.mayActFor,
    staff,
    keyPerson: { __typename: 'KeyPerson', id: keyPersonId },
  };
}

/** A small customer: 张总 (uncovered decision maker) over 李工, whom 王强 knows; 钱某 has left. */
export function mapCustomer(
  relationships = [link('rel-1', wang, 'kp-li', RelationshipState.NEUTRAL)],
): Customer {
  return {
    __typename: 'Customer',
    id: 'cust-1',
    name: '华东机械',
    owner: { __typename: 'Staff', id: 'staff-me', name: '我', active: true, mayActFor: true },
    relationshipMap: {
      __typename: 'RelationshipMap',
      keyPersons: [
        person('kp-zhang', '张总', null),
        person('kp-li', '李工', 'kp-zhang'),
        person('kp-qian', '钱某', 'kp-zhang', false),
      ],
      relationships: [...relationships, link('rel-old', zhao, 'kp-zhang', RelationshipState.POSITIVE)],
      roles: [
        {
          __typename: 'DecisionRoleAssignment',
          id: 'role-1',
          role: DecisionRole.DECISION_MAKER,
          influence: InfluenceLevel.HIGH,
          concerns: null,
          version: 1,
          project: null,
          keyPerson: { __typename: 'KeyPerson', id: 'kp-zhang' },
        },
      ],
      coverage: {
        __typename: 'RelationshipCoverage',
        keyPersonCount: 2,
        gaps: [
          {
            __typename: 'CoverageGap',
            keyPerson: { __typename: 'KeyPerson', id: 'kp-zhang' },
            suggestedContacts: [
              {
                __typename: 'SuggestedContact',
                closeness: Closeness.DIRECT_REPORT,
                staff: { __typename: 'Staff', id: wang.id, name: wang.name },
                via: { __typename: 'KeyPerson', id: 'kp-li', name: '李工' },
              },
            ],
          },
        ],
      },
    },
  };
}
