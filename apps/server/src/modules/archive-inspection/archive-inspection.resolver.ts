import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { idOf } from '../../core/graphql/global-id.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { ArchiveInspection, ArchiveInspectionItem } from './archive-inspection.entity.js';
import {
  findingCounts,
  findingsOfInspection,
  inspectionById,
  inspectionsPage,
} from './archive-inspection.loaders.js';
import {
  checkArchiveInspectionFinding,
  generateArchiveInspection,
  requireInspector,
} from './archive-inspection.service.js';

export const ArchiveInspectionConnection = connectionType(ArchiveInspection, 'ArchiveInspection');

@Resolver(() => ArchiveInspection)
export class ArchiveInspectionResolver {
  @Query(() => ArchiveInspectionConnection, {
    description: 'The half-yearly archive inspections, newest first; keepers only / 档案检查列表',
  })
  async archiveInspections(@Args() pageArgs: PageArgs, @Ctx() ctx: Context) {
    const page = pageOf(pageArgs);
    const result = await inspectionsPage(ctx, page);
    return toConnection(ArchiveInspectionConnection, result.rows, page, result.sortValue, result.count);
  }

  @Query(() => ArchiveInspection, { nullable: true, description: 'One archive inspection / 档案检查' })
  archiveInspection(
    @Arg('id', () => ID, { description: 'Its global id / 标识' }) id: string,
    @Ctx() ctx: Context,
  ) {
    requireInspector(ctx);
    return ctx.loaders.get(inspectionById).load(idOf(id, 'ArchiveInspection', 'id'));
  }

  @FieldResolver(() => [ArchiveInspectionItem], { description: 'Its findings, by kind / 检查发现' })
  findings(@Root() inspection: ArchiveInspection, @Ctx() ctx: Context) {
    return ctx.loaders.get(findingsOfInspection).load(inspection.id);
  }

  @FieldResolver(() => Int, { description: 'Findings not yet checked / 未核查项数' })
  async openCount(@Root() inspection: ArchiveInspection, @Ctx() ctx: Context) {
    return (await ctx.loaders.get(findingCounts).load(inspection.id)).open;
  }

  @FieldResolver(() => Int, { description: 'Findings checked / 已核查项数' })
  async checkedCount(@Root() inspection: ArchiveInspection, @Ctx() ctx: Context) {
    return (await ctx.loaders.get(findingCounts).load(inspection.id)).checked;
  }

  @Mutation(() => ArchiveInspection, {
    description: "Draw up a period's inspection now, unless it exists (then that one) / 生成档案检查",
  })
  generateArchiveInspection(
    @Arg('period', { description: "'YYYY-03' or 'YYYY-09' / 检查期" }) period: string,
    @Ctx() ctx: Context,
  ) {
    return generateArchiveInspection(ctx, period);
  }

  @Mutation(() => ArchiveInspectionItem, { description: 'Tick a finding as checked / 核查检查发现' })
  checkArchiveInspectionFinding(
    @Arg('id', () => ID, { description: 'Global id of the finding / 检查发现标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Arg('note', () => String, { nullable: true, description: 'Optional note / 核查备注' }) note:
      | string
      | null,
    @Ctx() ctx: Context,
  ) {
    return checkArchiveInspectionFinding(ctx, id, version, note);
  }
}
