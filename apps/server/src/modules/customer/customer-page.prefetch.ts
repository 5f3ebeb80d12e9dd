import type { Knex } from '@mikro-orm/postgresql';
import { childrenQuery, primeChildren } from '../../core/children-read.js';
import type { Context } from '../../core/context.js';
import { readJsonParts } from '../../core/database/json-read.js';
import { readColumns, readCopy } from '../../core/database/read-model.js';
import type { LookAhead } from '../../core/graphql/look-ahead.js';
import { primeNow } from '../../core/primed.js';
import { ROLES_OF_KEY_PERSON, rolesOfKeyPerson } from '../decision-role/decision-role.loaders.js';
import { KEY_PERSONS_OF_CUSTOMER, keyPersonsOfCustomer } from '../key-person/key-person.loaders.js';
import {
  RELATIONSHIPS_OF_KEY_PERSON,
  relationshipsOfKeyPerson,
} from '../relationship/relationship.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import type { Customer } from './customer.entity.js';

/**
 * The dossier list's subtree in one statement (issue 11): when the document asks a page of customers for
 * their key persons, this reads the key persons, and as far as the document asks for them their links to
 * our staff and their decision roles, and the staff members those links and the customers' owners name, as
 * parts of one statement, and primes the very loaders the field resolvers call. The resolvers stay as they
 * are and find their answers without SQL: five statements after the page become one, whatever its size.
 *
 * Each part is the read its loader makes (children-read.ts), so the copies primed are the loader's: the
 * same rows, columns and order. The links' staff members are read once each (the loader joins one per
 * link, the same columns) and handed to every link of theirs. The loaders apply no access rule of their own
 * below a customer (its key persons, their links and roles are reached through a customer the viewer may
 * see), and neither does this: the page holds only customers the viewer may see. A document that asks
 * only for owners is left to staffById, which reads them in one statement too.
 */
export async function prefetchCustomerPage(
  ctx: Context,
  customers: LookAhead,
  page: readonly Customer[],
): Promise<void> {
  const keyPersons = customers.field('keyPersons');
  if (!keyPersons.asked || page.length === 0) return;
  const { em, loaders } = ctx;
  const knex = em.getKnex();
  const customerIds = page.map((customer) => customer.id);
  const personIds = () =>
    knex.select('kp.id').from('key_person as kp').whereIn('kp.customer_id', customerIds);

  const persons = childrenQuery(em, KEY_PERSONS_OF_CUSTOMER, customerIds);
  const links = keyPersons.field('relationships').asked
    ? childrenQuery(em, { ...RELATIONSHIPS_OF_KEY_PERSON, populate: [] }, personIds())
    : null;
  const roles = keyPersons.field('roles').asked ? childrenQuery(em, ROLES_OF_KEY_PERSON, personIds()) : null;
  const ownerIds = customers.field('owner').asked
    ? [...new Set(page.flatMap((customer) => (customer.owner ? [customer.owner.id] : [])))]
    : [];

  const parts: Record<string, Knex.QueryBuilder> = { persons: persons.query };
  if (links) parts.links = links.query;
  if (roles) parts.roles = roles.query;
  if (links || ownerIds.length > 0) {
    const staff = knex
      .select(readColumns(em, Staff, 't'))
      .from('staff as t')
      .whereIn('t.id', ownerIds);
    if (links) {
      const linked = knex
        .select('l.staff_id')
        .from('relationship as l')
        .whereIn('l.key_person_id', personIds());
      staff.orWhereIn('t.id', linked);
    }
    parts.staff = staff;
  }
  const rows = await readJsonParts(em, parts);

  const staffLoader = loaders.get(staffById);
  const staff = new Map((rows.staff ?? []).map((row) => [row.id as string, readCopy(em, Staff, row)]));
  for (const [id, copy] of staff) primeNow(staffLoader, id, copy);
  const personCopies = persons.copies(rows.persons ?? []);
  primeChildren(loaders.get(keyPersonsOfCustomer), KEY_PERSONS_OF_CUSTOMER, customerIds, personCopies);
  const personIdList = personCopies.map((person) => person.id);
  if (links) {
    const linkCopies = links.copies(rows.links ?? [], (row) => ({
      staff: staff.get(row.staff_id as string),
    }));
    primeChildren(
      loaders.get(relationshipsOfKeyPerson),
      RELATIONSHIPS_OF_KEY_PERSON,
      personIdList,
      linkCopies,
    );
  }
  if (roles) {
    primeChildren(
      loaders.get(rolesOfKeyPerson),
      ROLES_OF_KEY_PERSON,
      personIdList,
      roles.copies(rows.roles ?? []),
    );
  }
}
