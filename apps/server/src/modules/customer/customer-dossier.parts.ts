import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type ChildrenRead, childrenQuery } from '../../core/children-read.js';
import { jsonPartsQuery } from '../../core/database/json-read.js';
import { preparedRead, readColumns } from '../../core/database/read-model.js';
import type { LookAhead } from '../../core/graphql/look-ahead.js';
import type { NewestFirstList } from '../../core/pagination/newest-first.js';
import { firstPagesPart } from '../../core/pagination/newest-first.prefetch.js';
import { type Page, pageOf } from '../../core/pagination/page-args.js';
import { ROLES_OF_CUSTOMER } from '../decision-role/decision-role.loaders.js';
import { FIELD_CHANGES_OF_CHANGE, historyOfCustomer } from '../history/history.loaders.js';
import { KEY_PERSONS_OF_CUSTOMER, keyPersonChildrenQuery } from '../key-person/key-person.loaders.js';
import { EVENTS_OF_PROJECT, projectsOfCustomer } from '../project/project.loaders.js';
import { RELATIONSHIPS_OF_CUSTOMER } from '../relationship/relationship.loaders.js';
import { Staff } from '../staff/staff.entity.js';

/**
 * The lists below one dossier that its read-ahead reads: the relationship map's key persons, links and
 * roles; the first page of its projects and their events; the first page of its history, the field
 * changes and the actors of those changes.
 */
export type DossierPart =
  | 'persons'
  | 'links'
  | 'roles'
  | 'projects'
  | 'events'
  | 'history'
  | 'changes'
  | 'actors';

/** What a document asks below one `customer(id)`: the parts, and the first page of each paged list. */
export interface DossierAsk {
  parts: DossierPart[];
  projects: Page | null;
  history: Page | null;
}

/**
 * The one first page a document asks of a paged list (`projects`, `history`), or null when it asks none,
 * several (aliases with different arguments), a later page, a section filter, or a page size out of range
 * (the field's own resolver then answers, or refuses, as without the read-ahead).
 */
function firstPageAsked(list: LookAhead): Page | null {
  const [args, ...others] = list.args;
  if (!args || others.length > 0 || args.after || args.sections) return null;
  try {
    return pageOf(args as { first?: number | null });
  } catch {
    return null;
  }
}

const nodesOf = (connection: LookAhead) =>
  connection.field('nodes').or(connection.field('edges').field('node'));

/** The parts a document asks of one dossier; coverage needs the map's three lists. */
export function dossierAsk(customer: LookAhead): DossierAsk {
  const map = customer.field('relationshipMap');
  const coverage = map.field('coverage').asked;
  const parts: DossierPart[] = [];
  if (coverage || map.field('keyPersons').asked) parts.push('persons');
  if (coverage || map.field('relationships').asked) parts.push('links');
  if (coverage || map.field('roles').asked) parts.push('roles');

  const projectsField = customer.field('projects');
  const projects = firstPageAsked(projectsField);
  if (projects) {
    parts.push('projects');
    if (nodesOf(projectsField).field('events').asked) parts.push('events');
  }
  const historyField = customer.field('history');
  const history = firstPageAsked(historyField);
  if (history) {
    parts.push('history');
    const changes = nodesOf(historyField);
    if (changes.field('changes').asked) parts.push('changes');
    if (changes.field('actor').asked) parts.push('actors');
  }
  return { parts, projects, history };
}

/** Where each paged list's page size goes among the statement's parameters (`$1` is the customers). */
export function pageParameters(parts: ReadonlySet<DossierPart>) {
  const projects = parts.has('projects') ? '$2' : null;
  const history = parts.has('history') ? (projects ? '$3' : '$2') : null;
  return { projects, history };
}

/**
 * A paged list's first pages as the part `name`, and when `children` is given, the children of the pages'
 * rows (a project's events, a change's field changes) as the part `childrenName`.
 */
function pageParts<T extends { id: string }, C extends object>(
  em: EntityManager,
  list: NewestFirstList<T>,
  take: string,
  name: DossierPart,
  children: ChildrenRead<C> | null,
  childrenName: DossierPart,
): Partial<Record<DossierPart, Knex.QueryBuilder>> {
  const parts: Partial<Record<DossierPart, Knex.QueryBuilder>> = { [name]: firstPagesPart(em, list, take) };
  if (children) parts[childrenName] = childrenQuery(em, children, firstPagesPart(em, list, take, 'id')).query;
  return parts;
}

/** The statement of each set of parts, prepared: built and compiled once, the customers as `$1`. */
const statements = new Map<string, ReturnType<typeof preparedRead>>();

/**
 * The statement reading `parts` for the customers of `$1`, a part each (json-read.ts). The key persons are
 * read whenever a map list is (the links and roles take their key person from there, one copy each).
 */
export function dossierStatement(parts: ReadonlySet<DossierPart>) {
  const key = [...parts].sort().join();
  let statement = statements.get(key);
  if (statement) return statement;
  statement = preparedRead((em) => {
    const take = pageParameters(parts);
    const built: Record<string, Knex.QueryBuilder> = {};
    if (parts.has('persons') || parts.has('links') || parts.has('roles')) {
      built.persons = childrenQuery(em, KEY_PERSONS_OF_CUSTOMER, '$1').query;
    }
    if (parts.has('links')) built.links = keyPersonChildrenQuery(em, RELATIONSHIPS_OF_CUSTOMER, '$1');
    if (parts.has('roles')) built.roles = keyPersonChildrenQuery(em, ROLES_OF_CUSTOMER, '$1');
    if (take.projects) {
      const events = parts.has('events') ? EVENTS_OF_PROJECT : null;
      Object.assign(
        built,
        pageParts(em, projectsOfCustomer.list, take.projects, 'projects', events, 'events'),
      );
    }
    if (take.history) {
      const history = historyOfCustomer.list;
      const changes = parts.has('changes') ? FIELD_CHANGES_OF_CHANGE : null;
      Object.assign(built, pageParts(em, history, take.history, 'history', changes, 'changes'));
      if (parts.has('actors')) {
        built.actors = em
          .getKnex()
          .select(readColumns(em, Staff, 't', '', true))
          .from('staff as t')
          .whereIn('t.id', firstPagesPart(em, history, take.history, 'actor_id'));
      }
    }
    return jsonPartsQuery(em, built);
  });
  statements.set(key, statement);
  return statement;
}
