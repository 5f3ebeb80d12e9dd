import DataLoader from 'dataloader';
import { childrenCopies, primeChildren, primeGroups } from '../../core/children-read.js';
import type { Context } from '../../core/context.js';
import { readCopy } from '../../core/database/read-model.js';
import type { LookAhead } from '../../core/graphql/look-ahead.js';
import type { LoaderFactory } from '../../core/loaders.js';
import { primeFirstPages } from '../../core/pagination/newest-first.prefetch.js';
import { primeNow } from '../../core/primed.js';
import { ROLES_OF_CUSTOMER, rolesOfCustomer } from '../decision-role/decision-role.loaders.js';
import { FIELD_CHANGES_OF_CHANGE, fieldChangesOf, historyOfCustomer } from '../history/history.loaders.js';
import {
  customerOfKeyPersonChild,
  KEY_PERSONS_OF_CUSTOMER,
  keyPersonChildrenCopies,
  keyPersonsOfCustomer,
} from '../key-person/key-person.loaders.js';
import { EVENTS_OF_PROJECT, eventsOfProject, projectsOfCustomer } from '../project/project.loaders.js';
import { RELATIONSHIPS_OF_CUSTOMER, relationshipsOfCustomer } from '../relationship/relationship.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import {
  type DossierAsk,
  type DossierPart,
  dossierAsk,
  dossierStatement,
  pageParameters,
} from './customer-dossier.parts.js';

interface DossierRead extends DossierAsk {
  customerId: string;
}

type Row = Record<string, unknown>;

const readKey = (read: DossierRead) =>
  JSON.stringify([read.customerId, read.parts, read.projects?.limit, read.history?.limit]);

/** The largest page of a list any read of the batch asks, plus the row that tells whether more follow. */
const take = (reads: readonly DossierRead[], list: 'projects' | 'history') =>
  Math.max(0, ...reads.map((read) => read[list]?.limit ?? 0)) + 1;

/**
 * Reads the lists below a batch of dossiers (every `customer(id)` of a document) as parts of one statement
 * and primes the loaders their resolvers call, which then answer without SQL. Each part is its loader's read
 * (ChildrenRead, KeyPersonChildrenRead, a newest-first list's first page), so the copies primed are the
 * loader's: the same rows, columns and order. A batch reads every list any of its dossiers asks for, for all
 * of them, and each paged list at the largest page any asks.
 */
const dossierReads: LoaderFactory<DataLoader<DossierRead, true, string>> = (em, _viewer, loaders) =>
  new DataLoader(
    async (reads) => {
      const customerIds = [...new Set(reads.map((read) => read.customerId))];
      const parts = new Set<DossierPart>(reads.flatMap((read) => read.parts));
      const values: unknown[] = [customerIds];
      const pages = pageParameters(parts);
      if (pages.projects) values.push(take(reads, 'projects'));
      if (pages.history) values.push(take(reads, 'history'));
      const [rows = {}] = await dossierStatement(parts)(em, values);
      const part = (name: DossierPart) => (rows[name] ?? []) as Row[];
      const ids = (name: DossierPart) => part(name).map((row) => String(row.id));

      if (parts.has('persons') || parts.has('links') || parts.has('roles')) {
        const persons = childrenCopies(em, KEY_PERSONS_OF_CUSTOMER)(part('persons'));
        primeChildren(loaders.get(keyPersonsOfCustomer), KEY_PERSONS_OF_CUSTOMER, customerIds, persons);
        const keyPersons = new Map(persons.map((person) => [person.id, person]));
        if (parts.has('links')) {
          const copies = keyPersonChildrenCopies(em, RELATIONSHIPS_OF_CUSTOMER, keyPersons)(part('links'));
          primeGroups(loaders.get(relationshipsOfCustomer), customerIds, copies, customerOfKeyPersonChild);
        }
        if (parts.has('roles')) {
          const copies = keyPersonChildrenCopies(em, ROLES_OF_CUSTOMER, keyPersons)(part('roles'));
          primeGroups(loaders.get(rolesOfCustomer), customerIds, copies, customerOfKeyPersonChild);
        }
      }
      for (const read of reads) {
        if (read.projects) {
          primeFirstPages(
            em,
            loaders,
            projectsOfCustomer,
            [read.customerId],
            read.projects,
            part('projects'),
          );
        }
        if (read.history) {
          primeFirstPages(em, loaders, historyOfCustomer, [read.customerId], read.history, part('history'));
        }
      }
      if (parts.has('events')) {
        const events = childrenCopies(em, EVENTS_OF_PROJECT)(part('events'));
        primeChildren(loaders.get(eventsOfProject), EVENTS_OF_PROJECT, ids('projects'), events);
      }
      if (parts.has('changes')) {
        const changes = childrenCopies(em, FIELD_CHANGES_OF_CHANGE)(part('changes'));
        primeChildren(loaders.get(fieldChangesOf), FIELD_CHANGES_OF_CHANGE, ids('history'), changes);
      }
      const staff = loaders.get(staffById);
      for (const row of part('actors')) primeNow(staff, String(row.id), readCopy(em, Staff, row));
      return reads.map(() => true as const);
    },
    { cacheKeyFn: readKey },
  );

/**
 * One dossier's subtree read ahead (issue 11), for `Query.customer(id)` once the customer is known to be
 * visible: the lists of its relationship map, the first page of its projects with their events and the
 * first page of its history with the field changes and actors, as far as the document asks for them. The
 * loaders below a customer apply no access rule of their own (its key persons, links, roles, projects and
 * history are reached through a customer the viewer may see), and neither does this: it reads only below a
 * customer the viewer may see. What the resolvers decide per field stays theirs: a field change's personal
 * values are still masked by FieldChange.before/after for a viewer who may not read them.
 */
export async function prefetchDossier(ctx: Context, customer: LookAhead, customerId: string): Promise<void> {
  const ask = dossierAsk(customer);
  if (ask.parts.length > 0) await ctx.loaders.get(dossierReads).load({ customerId, ...ask });
}
