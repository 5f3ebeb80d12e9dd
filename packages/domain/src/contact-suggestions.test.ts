import { describe, expect, it } from 'vitest';
import {
  Closeness,
  type SuggestionKeyPerson,
  type SuggestionRelationship,
  suggestContacts,
} from './contact-suggestions.js';
import { RelationshipState as S } from './enums.js';

const person = (
  id: string,
  reportsToId: string | null,
  department: string | null,
  active = true,
): SuggestionKeyPerson => ({ id, reportsToId, department, active });

// The gap (the purchasing director 'dm') reports to 'ceo'; 'buyer' reports to 'dm'; 'peer' works in the
// same department; 'gone' did too but has left; 'other' is in another department.
const gap = person('dm', 'ceo', '采购部');
const people = [
  person('ceo', null, '总经办'),
  gap,
  person('buyer', 'dm', '采购部'),
  person('peer', 'ceo', '采购部'),
  person('gone', 'ceo', '采购部', false),
  person('other', 'ceo', '财务部'),
];

const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const link = (
  keyPersonId: string,
  staffName: string,
  state = S.POSITIVE,
  lastContactAt: Date | null = day(1),
  staffActive = true,
): SuggestionRelationship => ({
  keyPersonId,
  staffId: `id-${staffName}`,
  staffName,
  staffActive,
  state,
  lastContactAt,
});

/** The suggestions as `staff via closeness`, in order. */
const suggested = (relationships: SuggestionRelationship[], target = gap, everyone = people) =>
  suggestContacts(target, everyone, relationships).map(
    ({ relationship, via, closeness }) => `${relationship.staffName} via ${via.id} ${closeness}`,
  );

const { MANAGER, DIRECT_REPORT, COLLEAGUE } = Closeness;

describe('suggestContacts', () => {
  it.each([
    ['a positive link to the manager', [link('ceo', 'Zhang')], [`Zhang via ceo ${MANAGER}`]],
    ['a positive link to a direct report', [link('buyer', 'Li')], [`Li via buyer ${DIRECT_REPORT}`]],
    ['a positive link to a department colleague', [link('peer', 'Wang')], [`Wang via peer ${COLLEAGUE}`]],
    ['no link to anyone close', [], []],
    ['a positive link in another department only', [link('other', 'Zhao')], []],
    ['a positive link held by departed staff', [link('ceo', 'Zhang', S.POSITIVE, day(1), false)], []],
    [
      'NEUTRAL, NEGATIVE and NONE links',
      [link('ceo', 'Zhang', S.NEUTRAL), link('buyer', 'Li', S.NEGATIVE), link('peer', 'Wang', S.NONE)],
      [],
    ],
    ['a positive link to a colleague who has left', [link('gone', 'Sun')], []],
    ["the decision maker's own links", [link('dm', 'Zhang', S.NEUTRAL)], []],
  ])('%s', (_case, relationships, expected) => {
    expect(suggested(relationships)).toEqual(expected);
  });

  it('orders by closeness, then latest contact (never contacted last), then staff name', () => {
    const relationships = [
      link('peer', 'Wang', S.POSITIVE, day(20)),
      link('buyer', 'Li', S.POSITIVE, null),
      link('buyer', 'Qian', S.POSITIVE, day(5)),
      link('buyer', 'Chen', S.POSITIVE, day(5)),
      link('buyer', 'Zhou', S.POSITIVE, day(9)),
      link('ceo', 'Zhang', S.POSITIVE, day(2)),
    ];
    expect(suggested(relationships)).toEqual([
      `Zhang via ceo ${MANAGER}`,
      `Zhou via buyer ${DIRECT_REPORT}`,
      `Chen via buyer ${DIRECT_REPORT}`,
      `Qian via buyer ${DIRECT_REPORT}`,
      `Li via buyer ${DIRECT_REPORT}`,
      `Wang via peer ${COLLEAGUE}`,
    ]);
  });

  it('suggests a staff member once, through their closest route', () => {
    const relationships = [
      link('peer', 'Zhang', S.POSITIVE, day(9)),
      link('ceo', 'Zhang', S.POSITIVE, day(1)),
    ];
    expect(suggested(relationships)).toEqual([`Zhang via ceo ${MANAGER}`]);
  });

  it('counts the manager as manager even in the same department', () => {
    const boss = person('head', null, '采购部');
    const target = person('dm', 'head', '采购部');
    expect(suggested([link('head', 'Zhang')], target, [boss, target])).toEqual([`Zhang via head ${MANAGER}`]);
  });

  it('has no colleagues without a department, nor through a blank one', () => {
    const target = person('dm', null, ' ');
    const everyone = [target, person('a', null, ' '), person('b', null, null)];
    expect(suggested([link('a', 'Zhang'), link('b', 'Li')], target, everyone)).toEqual([]);
  });

  it('suggests nobody through a departed manager', () => {
    const everyone = [person('ceo', null, null, false), gap];
    expect(suggested([link('ceo', 'Zhang')], gap, everyone)).toEqual([]);
  });

  it('finds the door to a placeholder through its known manager, report and department', () => {
    const cfo = { ...person('cfo', 'ceo', '财务部'), placeholder: true };
    const everyone = [
      ...people,
      cfo,
      person('accountant', 'cfo', '财务部'),
      person('cashier', null, '财务部'),
    ];
    const links = [link('ceo', 'Zhang'), link('accountant', 'Li'), link('cashier', 'Wang')];
    expect(suggested(links, cfo, everyone)).toEqual([
      `Zhang via ceo ${MANAGER}`,
      `Li via accountant ${DIRECT_REPORT}`,
      `Wang via cashier ${COLLEAGUE}`,
    ]);
  });

  it('suggests nobody through a placeholder, whatever was recorded against it', () => {
    const vacancy = { ...person('ceo', null, '总经办'), placeholder: true };
    expect(suggested([link('ceo', 'Zhang')], gap, [vacancy, gap])).toEqual([]);
  });

  it('returns the caller’s own objects', () => {
    const relationship = link('ceo', 'Zhang');
    const [suggestion] = suggestContacts(gap, people, [relationship]);
    expect(suggestion?.relationship).toBe(relationship);
    expect(suggestion?.via).toBe(people[0]);
  });
});
