import { IsolationLevel } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { AuditEntry } from './audit.entity.js';
import { auditPage } from './audit.query.js';
import { AuditFilter } from './inputs/audit-filter.input.js';

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'The audit log, newest first; administrators only / 审计日志（仅管理员）',
  })
  async auditLog(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Conditions, all must hold / 筛选条件' })
    filter: AuditFilter | null,
    @Ctx() ctx: Context,
  ) {
    requireAdmin(ctx);
    const page = pageOf(pageArgs);
    // The log grows while it is read (reads of personal data are audited): the page and its total come
    // from one snapshot, or a total could count a row the page never had.
    const { result, total } = await ctx.em.transactional(
      async (em) => {
        const result = await auditPage(em, filter, page, ctx.clock.timeZone);
        return { result, total: await result.count() };
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
    );
    return toConnection(AuditEntryConnection, result.rows, page, result.sortValue, async () => total);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who acted / 操作人' })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return entry.actor ? ctx.loaders.get(staffById).load(entry.actor.id) : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The staff member acted upon / 对象员工' })
  subject(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return entry.subject ? ctx.loaders.get(staffById).load(entry.subject.id) : null;
  }

  @FieldResolver(() => String, {
    description:
      'Further facts as a JSON object, e.g. a token name or the role before and after / 详情（JSON）',
  })
  detail(@Root() entry: AuditEntry): string {
    return JSON.stringify(entry.detail);
  }
}
