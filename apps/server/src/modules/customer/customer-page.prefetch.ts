import type { Knex } from '@mikro-orm/postgresql';
import { childrenQuery, primeChildren } from '../../core/children-read.js';
import type { Context } from '../../core/context.js';
import { readJsonParts } from '../../core/database/json-read.js';
import { readColumns, readCopy } from '../../core/database/read-model.js';
import type { LookAhead } from '../../core/graphql/look-ahead.js';
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
 * our staff (with the staff member) and their decision roles, and the customers' owners, as parts of one
 * statement, and primes the very loaders the field resolvers call. The resolvers stay as they are and find
 * their answers without SQL: five statements after the page become one, whatever the page's size.
 *
 * Each part is the read its loader makes (children-read.ts), so the copies primed are the loader's: the
 * same rows, columns and order. The loaders apply no access rule of their own below a customer (its key
 * persons, their links and roles are reached through a customer the viewer may see), and neither does this:
 * the page holds only customers the viewer may see. A document that asks only for owners is left to
 * staffById, which reads them in one statement too.
 */
export async function prefetchCustomerPage(
  ctx: Context,
  customers: LookAhead,
  page: readonly Customer[],
): Promise<void> {
  const keyPersons = customers.field('keyPersons');
  if (!keyPersons.asked || page.length === 0) return;
  const { em, loaders } = ctx;
  const customerIds = page.map((customer) => customer.id);
  const personIds = () =>
    em.getKnex().select('kp.id').from('key_person as kp').whereIn('kp.customer_id', customerIds);

  const persons = childrenQuery(em, KEY_PERSONS_OF_CUSTOMER, customerIds);
  const links = keyPersons.field('relationships').asked
    ? childrenQuery(em, RELATIONSHIPS_OF_KEY_PERSON, personIds())
    : null;
  const roles = keyPersons.field('roles').asked ? childrenQuery(em, ROLES_OF_KEY_PERSON, personIds()) : null;
  const ownerIds = customers.field('owner').asked
    ? [...new Set(page.flatMap((customer) => (customer.owner ? [customer.owner.id] : [])))]
    : [];

  const parts: Record<string, Knex.QueryBuilder> = { persons: persons.query };
  if (links) parts.links = links.query;
  if (roles) parts.roles = roles.query;
  if (ownerIds.length > 0) {
    parts.owners = em
      .getKnex()
      .select(readColumns(em, Staff, 't'))
      .from('staff as t')
      .whereIn('t.id', ownerIds);
  }
  const rows = await readJsonParts(em, parts);

  const personCopies = persons.copies(rows.persons ?? []);
  primeChildren(loaders.get(keyPersonsOfCustomer), KEY_PERSONS_OF_CUSTOMER, customerIds, personCopies);
  const personIdList = personCopies.map((person) => person.id);
  const staff = loaders.get(staffById);
  if (links) {
    const linkCopies = links.copies(rows.links ?? []);
    primeChildren(
      loaders.get(relationshipsOfKeyPerson),
      RELATIONSHIPS_OF_KEY_PERSON,
      personIdList,
      linkCopies,
    );
    for (const link of linkCopies) staff.prime(link.staff.id, link.staff.getEntity());
  }
  if (roles) {
    primeChildren(
      loaders.get(rolesOfKeyPerson),
      ROLES_OF_KEY_PERSON,
      personIdList,
      roles.copies(rows.roles ?? []),
    );
  }
  for (const owner of rows.owners ?? []) {
    const copy = readCopy(em, Staff, owner);
    staff.prime(copy.id, copy);
  }
}
