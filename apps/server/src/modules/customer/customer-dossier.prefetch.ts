import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { childrenCopies, childrenQuery, primeChildren, primeGroups } from '../../core/children-read.js';
import type { Context } from '../../core/context.js';
import { jsonPartsQuery } from '../../core/database/json-read.js';
import { preparedRead } from '../../core/database/read-model.js';
import type { LookAhead } from '../../core/graphql/look-ahead.js';
import type { LoaderFactory } from '../../core/loaders.js';
import { ROLES_OF_CUSTOMER, rolesOfCustomer } from '../decision-role/decision-role.loaders.js';
import {
  customerOfKeyPersonChild,
  KEY_PERSONS_OF_CUSTOMER,
  keyPersonChildrenCopies,
  keyPersonChildrenQuery,
  keyPersonsOfCustomer,
} from '../key-person/key-person.loaders.js';
import { RELATIONSHIPS_OF_CUSTOMER, relationshipsOfCustomer } from '../relationship/relationship.loaders.js';

/**
 * The relationship map's per-customer lists: key persons, their links to our staff, their roles. The key
 * persons are read whenever either of the others is (they carry their key person).
 */
type MapPart = 'persons' | 'links' | 'roles';

interface MapRead {
  customerId: string;
  parts: readonly MapPart[];
}

/**
 * The lists a document asks of one dossier's relationship map: each of its fields reads one, and its
 * coverage all three (relationship-map.coverage.ts).
 */
function mapParts(customer: LookAhead): MapPart[] {
  const map = customer.field('relationshipMap');
  const coverage = map.field('coverage').asked;
  const parts: MapPart[] = [];
  if (coverage || map.field('keyPersons').asked) parts.push('persons');
  if (coverage || map.field('relationships').asked) parts.push('links');
  if (coverage || map.field('roles').asked) parts.push('roles');
  return parts;
}

/** The map's statement of each set of parts, prepared: built and compiled once, the customers as `$1`. */
const statements = new Map<string, ReturnType<typeof preparedRead>>();

function mapStatement(links: boolean, roles: boolean) {
  const key = `${links}:${roles}`;
  let statement = statements.get(key);
  if (!statement) {
    statement = preparedRead((em) => {
      // Always read: the links and roles take their key persons from here, one copy each.
      const parts: Record<string, Knex.QueryBuilder> = {
        persons: childrenQuery(em, KEY_PERSONS_OF_CUSTOMER, '$1').query,
      };
      if (links) parts.links = keyPersonChildrenQuery(em, RELATIONSHIPS_OF_CUSTOMER, '$1');
      if (roles) parts.roles = keyPersonChildrenQuery(em, ROLES_OF_CUSTOMER, '$1');
      return jsonPartsQuery(em, parts);
    });
    statements.set(key, statement);
  }
  return statement;
}

type Row = Record<string, unknown>;

/**
 * Reads the relationship map's lists of a batch of dossiers (every `customer(id)` of a document) as parts
 * of one statement and primes the loaders the map's resolvers call, which then answer without SQL: three
 * statements after the customer become one. Each part is its loader's read (KeyPersonChildrenRead,
 * ChildrenRead), so the copies primed are the loader's: the same rows, columns and order. A batch reads
 * every list any of its dossiers asks for, for all of them.
 */
const mapReads: LoaderFactory<DataLoader<MapRead, true, string>> = (em, _viewer, loaders) =>
  new DataLoader(
    async (reads) => {
      const customerIds = [...new Set(reads.map((read) => read.customerId))];
      const asked = new Set(reads.flatMap((read) => read.parts));
      const [links, roles] = [asked.has('links'), asked.has('roles')];
      const [rows = {}] = await mapStatement(links, roles)(em, [customerIds]);
      const part = (name: string) => (rows[name] ?? []) as Row[];

      const personCopies = childrenCopies(em, KEY_PERSONS_OF_CUSTOMER)(part('persons'));
      primeChildren(loaders.get(keyPersonsOfCustomer), KEY_PERSONS_OF_CUSTOMER, customerIds, personCopies);
      const keyPersons = new Map(personCopies.map((person) => [person.id, person]));
      if (links) {
        const copies = keyPersonChildrenCopies(em, RELATIONSHIPS_OF_CUSTOMER, keyPersons)(part('links'));
        primeGroups(loaders.get(relationshipsOfCustomer), customerIds, copies, customerOfKeyPersonChild);
      }
      if (roles) {
        const copies = keyPersonChildrenCopies(em, ROLES_OF_CUSTOMER, keyPersons)(part('roles'));
        primeGroups(loaders.get(rolesOfCustomer), customerIds, copies, customerOfKeyPersonChild);
      }
      return reads.map(() => true as const);
    },
    { cacheKeyFn: (read) => `${read.customerId}:${read.parts.join()}` },
  );

/**
 * One dossier's subtree read ahead (issue 11), for `Query.customer(id)` once the customer is known to be
 * visible: the lists of its relationship map the document asks for. The loaders below a customer apply no
 * access rule of their own (its key persons, links and roles are reached through a customer the viewer may
 * see), and neither does this: it reads only below a customer the viewer may see.
 */
export async function prefetchDossier(ctx: Context, customer: LookAhead, customerId: string): Promise<void> {
  const parts = mapParts(customer);
  if (parts.length > 0) await ctx.loaders.get(mapReads).load({ customerId, parts });
}
