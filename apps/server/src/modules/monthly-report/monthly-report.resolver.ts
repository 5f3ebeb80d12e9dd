import { StaffRole } from '@dossier/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { idOf, toGlobalId } from '../../core/graphql/global-id.js';
import { toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { findReport, reportPage, reportView } from './monthly-report.query.js';
import { assertMayGenerate, checkMonth, generateReport, teamManager } from './monthly-report.service.js';
import { MonthlyReportConnection, MonthlyReportView } from './monthly-report.types.js';

const MONTH = 'The month, YYYY-MM, ended on the business calendar / 月份';
const TEAM = "A sales manager: their team's report; omitted: the company's / 团队经理（不填为全公司）";
const teamId = (id: string | null | undefined) => (id ? idOf(id, 'Staff', 'teamManagerId') : null);

@Resolver(() => MonthlyReportView)
export class MonthlyReportResolver {
  @Query(() => MonthlyReportConnection, {
    description:
      "Monthly reports the viewer may read, newest month first: admins and analysts all, a sales manager their team's and their managers' below them / 月度报告列表",
  })
  async monthlyReports(@Args() pageArgs: PageArgs, @Ctx() ctx: Context) {
    const page = pageOf(pageArgs);
    const { rows, count } = await reportPage(ctx.em, viewerOf(ctx), page);
    // Cursors carry the row's uuid; the nodes then show their global ids (edges share the node objects).
    const views = rows.map((row) => ({ ...reportView(row, ctx.locale), id: row.id }));
    const connection = toConnection(MonthlyReportConnection, views, page, (row) => row.month, count);
    for (const node of connection.nodes) node.id = toGlobalId('MonthlyReport', node.uuid);
    return connection;
  }

  @Query(() => MonthlyReportView, {
    nullable: true,
    description: 'One monthly report, if generated and readable / 月度报告',
  })
  async monthlyReport(
    @Arg('month', { description: MONTH }) month: string,
    @Arg('teamManagerId', () => ID, { nullable: true, description: TEAM }) teamManagerId: string | null,
    @Ctx() ctx: Context,
  ) {
    const found = await findReport(
      ctx.em,
      viewerOf(ctx),
      checkMonth(month, ctx.clock),
      teamId(teamManagerId),
    );
    return found && reportView(found, ctx.locale);
  }

  @Mutation(() => MonthlyReportView, {
    description:
      "Generates a past month's report now, or renders it again from its frozen figures; admins any, a sales manager their team's / 生成月度报告",
  })
  async generateMonthlyReport(
    @Arg('month', { description: MONTH }) month: string,
    @Arg('teamManagerId', () => ID, { nullable: true, description: TEAM }) teamManagerId: string | null,
    @Ctx() ctx: Context,
  ) {
    const viewer = requireRole(ctx, StaffRole.ADMIN, StaffRole.SALES_MANAGER);
    const team = teamId(teamManagerId);
    await assertMayGenerate(ctx.em, viewer, team);
    checkMonth(month, ctx.clock);
    const manager = team ? await teamManager(ctx.em, team) : null;
    return reportView(await generateReport(ctx.em, month, manager, viewer, ctx.clock), ctx.locale);
  }

  @FieldResolver(() => Staff, {
    nullable: true,
    description: "The team's manager; null: the company / 团队经理",
  })
  teamManager(@Root() report: MonthlyReportView, @Ctx() ctx: Context) {
    return report.teamManagerId ? ctx.loaders.get(staffById).load(report.teamManagerId) : null;
  }

  @FieldResolver(() => Staff, {
    nullable: true,
    description: 'Who generated it last; null: the schedule / 生成人',
  })
  generatedBy(@Root() report: MonthlyReportView, @Ctx() ctx: Context) {
    return report.generatedById ? ctx.loaders.get(staffById).load(report.generatedById) : null;
  }
}
