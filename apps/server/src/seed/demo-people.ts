import { CustomerNature, RelationshipState } from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import type { DemoCustomer } from './demo-customers.js';
import {
  DEGREES,
  FAMILIES,
  FORMER_POSTS,
  INTERESTS,
  MAJORS,
  ORG_CHARTS,
  PERSONALITIES,
  type Post,
  PROFILE_NOTES,
  RELATIONSHIP_NOTES,
  UNIVERSITIES,
} from './demo-phrases.js';
import { type Demo, latest } from './demo-random.js';
import type { DemoStaff } from './demo-staff.js';

export interface DemoKeyPerson {
  id: string;
  name: string;
  post: Post;
  /** 0: the head, 1: reports to the head, 2: reports to a level-1 person. */
  level: 0 | 1 | 2;
  active: boolean;
  row: Row;
}

const BIRTH_YEARS = [
  [1962, 1978],
  [1968, 1986],
  [1975, 1998],
] as const;

function chartOf(customer: DemoCustomer) {
  if (customer.nature === CustomerNature.INDIVIDUAL) return ORG_CHARTS.individual;
  if (customer.nature !== CustomerNature.GOVERNMENT) return ORG_CHARTS.company;
  const chart = ORG_CHARTS.government;
  // Commissions and centres are run by a 主任, bureaus by a 局长.
  return customer.name.endsWith('局') ? chart : { ...chart, head: { ...chart.head, title: '主任' } };
}

/** A personal profile as a senior (0), middle (1) or junior (2) person would have it. */
export function personalProfile(demo: Demo, level: 0 | 1 | 2, joined: number): Row {
  const [from, to] = BIRTH_YEARS[level];
  const background = demo.pick([
    () => `${joined}年加入，此前在${demo.faker.company.name()}任${demo.pick(FORMER_POSTS)}`,
    () => `从基层做起，${joined + demo.int(2, 8)}年升任现职`,
    () => `部队转业，${joined}年进入本单位`,
    () => `曾在外资企业工作${demo.int(3, 10)}年，熟悉国际采购流程`,
    () => '技术出身，主持过多个重点项目',
  ])();
  return {
    profile_personality: demo.pick(PERSONALITIES),
    profile_interests: demo.pickSome(INTERESTS, demo.int(1, 3)).join('、'),
    profile_family: demo.pick(FAMILIES),
    profile_education: `${demo.pick(DEGREES)}，${demo.pick(UNIVERSITIES)}${demo.pick(MAJORS)}`,
    profile_birth_year: demo.int(from, to),
    profile_background: background,
    profile_notes: demo.chance(0.25) ? demo.pick(PROFILE_NOTES) : null,
  };
}

/**
 * 3 to 12 key persons with a reports-to tree: the head, two to four people reporting to the head, and the
 * rest reporting to the one of those who heads their department, else to the head. Most have a profile.
 */
export function planKeyPersons(demo: Demo, customer: DemoCustomer): DemoKeyPerson[] {
  const chart = chartOf(customer);
  const count = demo.pick([3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 10, 11, 12]);
  const deputies = demo.pickSome(chart.deputies, Math.min(count - 1, demo.int(2, 4)));
  const posts: Array<[Post, 0 | 1 | 2]> = [
    [chart.head, 0],
    ...deputies.map((post) => [post, 1] as [Post, 1]),
    ...Array.from({ length: count - 1 - deputies.length }, () => [demo.pick(chart.staff), 2] as [Post, 2]),
  ];
  const people: DemoKeyPerson[] = [];
  for (const [post, level] of posts) {
    const id = demo.id();
    const name = level === 0 && customer.personName ? customer.personName : demo.faker.person.fullName();
    const [head] = people;
    const boss =
      level === 2
        ? (people.find((p) => p.level === 1 && p.post.department === post.department) ?? head)
        : head;
    const createdAt = latest(customer.createdAt, demo.daysAgo(30, 1200));
    const extension = demo.int(100, 899);
    const active = demo.chance(0.95);
    people.push({
      id,
      name,
      post,
      level,
      active,
      row: {
        id,
        customer_id: customer.id,
        name,
        title: post.title,
        department: post.department || null,
        reports_to_id: boss?.id ?? null,
        mobile: `1${demo.pick(['35', '36', '38', '39', '50', '58', '86', '88', '77'])}${demo.digits(8)}`,
        office_phone:
          customer.nature === CustomerNature.INDIVIDUAL ? null : `${customer.phone} 转 ${extension}`,
        active,
        email:
          customer.domain && demo.chance(0.7)
            ? `${demo.faker.string.alpha({ length: { min: 3, max: 8 }, casing: 'lower' })}@${customer.domain}`
            : null,
        created_at: createdAt,
        updated_at: latest(createdAt, demo.daysAgo(0, 200)),
        ...(demo.chance(level === 2 ? 0.65 : 0.9) ? personalProfile(demo, level, demo.int(1995, 2022)) : {}),
      },
    });
  }
  return people;
}

const STATES = [
  [RelationshipState.POSITIVE, 30],
  [RelationshipState.NEUTRAL, 35],
  [RelationshipState.NEGATIVE, 10],
  [RelationshipState.NONE, 25],
] as const;

/**
 * Who of ours knows whom: the customer's rep knows most of its key persons, the rep's manager some of the
 * senior ones, and now and then another rep (or the one who left) has a link of their own.
 */
export function planRelationships(
  demo: Demo,
  customer: DemoCustomer,
  people: DemoKeyPerson[],
  staff: DemoStaff[],
): Row[] {
  const owner = staff.find((s) => s.id === customer.ownerId);
  const reps = staff.filter((s) => s.region !== null && s.id !== owner?.id);
  const left = new Set(staff.filter((s) => !s.active).map((s) => s.id));
  return people.flatMap((person) => {
    const links = [
      owner && demo.chance([0.85, 0.75, 0.5][person.level] ?? 0) ? owner.id : null,
      owner?.managerId && demo.chance([0.5, 0.2, 0][person.level] ?? 0) ? owner.managerId : null,
      demo.chance(0.06) ? demo.pick(reps).id : null,
    ];
    return [...new Set(links)].flatMap((staffId) => {
      if (!staffId) return [];
      const state = demo.weighted(STATES);
      const known = state !== RelationshipState.NONE;
      const createdAt = latest(customer.createdAt, demo.daysAgo(150, 900));
      // Whoever left has not seen anyone since (they left 20 to 40 days ago).
      const lastContactAt = known ? latest(createdAt, demo.daysAgo(left.has(staffId) ? 45 : 1, 150)) : null;
      return [
        {
          id: demo.id(),
          key_person_id: person.id,
          staff_id: staffId,
          state,
          note: demo.chance(known ? 0.75 : 0.4) ? demo.pick(RELATIONSHIP_NOTES[state]) : null,
          last_contact_at: lastContactAt,
          created_at: createdAt,
          updated_at: lastContactAt ?? createdAt,
        },
      ];
    });
  });
}
