import { isKeeper } from '@dossier/domain';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { readsWeeklyChecks } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { parseGlobalId } from '../../core/graphql/global-id.js';
import { Node } from '../../core/graphql/node.interface.js';
import type { LoaderFactory } from '../../core/loaders.js';
import { competitorById, customerCompetitorById } from '../competitor/competitor.loaders.js';
import { creditReportById } from '../credit-report/credit-report.loaders.js';
import { customerById } from '../customer/customer.loaders.js';
import { decisionRoleById } from '../decision-role/decision-role.loaders.js';
import { destructionById, documentById, readableLoan } from '../document/document.loaders.js';
import { feedbackById, surveyById } from '../feedback/feedback.loaders.js';
import { changeById } from '../history/history.loaders.js';
import { findOwnItem } from '../inbox/inbox.query.js';
import { keyPersonById } from '../key-person/key-person.loaders.js';
import { projectEventById, readableProject } from '../project/project.loaders.js';
import { relationshipById } from '../relationship/relationship.loaders.js';
import { staffById } from '../staff/staff.loaders.js';
import { paymentById, productById, readableOrder, returnById } from '../trade/trade.loaders.js';
import { weeklyCheckById } from '../weekly-check/weekly-check.loaders.js';

type Lookup = (ctx: Context, id: string) => Promise<object | null>;
type ById<T> = LoaderFactory<{ load(id: string): Promise<T | null> }>;

/**
 * A record found by id is returned only when its dossier is readable: the owning customer (or key person,
 * or project) goes through the same visibility-checked loader as every other read.
 */
function through<T extends object>(
  loader: ById<T>,
  parentVisible: (ctx: Context, row: T) => Promise<unknown>,
): Lookup {
  return async (ctx, id) => {
    const row = await ctx.loaders.get(loader).load(id);
    return row && (await parentVisible(ctx, row)) ? row : null;
  };
}

const direct =
  <T extends object>(loader: ById<T>): Lookup =>
  (ctx, id) =>
    ctx.loaders.get(loader).load(id);

const customerVisible = (ctx: Context, customerId: string | null) =>
  customerId ? ctx.loaders.get(customerById).load(customerId) : Promise.resolve(null);

/** How node(id) finds each type that implements Node: every one has a lookup (node.test.ts holds to it). */
export const LOOKUPS: Record<string, Lookup> = {
  Staff: direct(staffById),
  Customer: direct(customerById),
  KeyPerson: direct(keyPersonById),
  Project: readableProject,
  Relationship: through(relationshipById, (ctx, r) => ctx.loaders.get(keyPersonById).load(r.keyPerson.id)),
  DecisionRoleAssignment: through(decisionRoleById, (ctx, r) =>
    ctx.loaders.get(keyPersonById).load(r.keyPerson.id),
  ),
  ProjectEvent: through(projectEventById, (ctx, e) => readableProject(ctx, e.project.id)),
  CreditReport: through(creditReportById, (ctx, r) => customerVisible(ctx, r.customer.id)),
  Feedback: through(feedbackById, (ctx, f) => customerVisible(ctx, f.customer.id)),
  SatisfactionSurvey: through(surveyById, (ctx, s) => customerVisible(ctx, s.customer.id)),
  Change: through(changeById, (ctx, c) => customerVisible(ctx, c.customerId)),
  Order: readableOrder,
  Payment: through(paymentById, (ctx, p) => readableOrder(ctx, p.order.id)),
  OrderReturn: through(returnById, (ctx, r) => customerVisible(ctx, r.customerId)),
  Product: direct(productById),
  // The company-wide list: everyone who reads dossiers reads it.
  Competitor: direct(competitorById),
  CustomerCompetitor: through(customerCompetitorById, (ctx, p) => customerVisible(ctx, p.customer.id)),
  // A verdict reads with its dossier, by the roles that read verdicts at all.
  WeeklyCheck: through(weeklyCheckById, (ctx, w) =>
    readsWeeklyChecks(ctx.viewer) ? customerVisible(ctx, w.customer.id) : Promise.resolve(null),
  ),
  Document: direct(documentById),
  DocumentLoan: readableLoan,
  DocumentDestruction: (ctx, id) =>
    ctx.viewer && isKeeper(ctx.viewer.role)
      ? ctx.loaders.get(destructionById).load(id)
      : Promise.resolve(null),
  // Only its recipient reads an item, and only while they read its customer: as in their inbox.
  InboxItem: (ctx, id) => (ctx.viewer ? findOwnItem(ctx.em, ctx.viewer, id) : Promise.resolve(null)),
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its global id / 按全局标识读取任意记录' })
  node(@Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string, @Ctx() ctx: Context) {
    const parsed = parseGlobalId(id);
    const lookup = parsed ? LOOKUPS[parsed.type] : undefined;
    return parsed && lookup ? lookup(ctx, parsed.id) : null;
  }
}
