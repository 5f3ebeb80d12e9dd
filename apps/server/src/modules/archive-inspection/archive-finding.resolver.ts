import { Confidentiality } from '@dossier/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Document } from '../document/document.entity.js';
import { documentById } from '../document/document.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { ArchiveInspectionItem } from './archive-inspection.entity.js';
import type { FindingDetails } from './archive-inspection.findings.js';

const details = (item: ArchiveInspectionItem) => JSON.parse(item.details) as FindingDetails;

/** A finding's links and what it recorded when found. */
@Resolver(() => ArchiveInspectionItem)
export class ArchiveFindingResolver {
  @FieldResolver(() => Document, { nullable: true, description: 'The document, while it exists / 档案' })
  document(@Root() item: ArchiveInspectionItem, @Ctx() ctx: Context) {
    return ctx.loaders.get(documentById).load(item.document.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who checked it / 核查人' })
  checkedBy(@Root() item: ArchiveInspectionItem, @Ctx() ctx: Context) {
    return item.checkedBy ? ctx.loaders.get(staffById).load(item.checkedBy.id) : null;
  }

  @FieldResolver(() => String, { description: "The document's title when found / 档案标题" })
  title(@Root() item: ArchiveInspectionItem): string {
    return details(item).title;
  }

  @FieldResolver(() => Confidentiality, { description: 'Its level when found / 密级' })
  level(@Root() item: ArchiveInspectionItem): Confidentiality {
    return details(item).level as Confidentiality;
  }

  @FieldResolver(() => String, { nullable: true, description: 'LOAN_OVERDUE: who holds it / 借阅人' })
  borrowerName(@Root() item: ArchiveInspectionItem): string | null {
    return details(item).borrower ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'LOAN_OVERDUE: when it was due back / 应还时间' })
  dueAt(@Root() item: ArchiveInspectionItem): Date | null {
    const due = details(item).dueAt;
    return due ? new Date(due) : null;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: 'DESTRUCTION_PENDING: first day past retention / 保管期满日',
  })
  retentionEndedOn(@Root() item: ArchiveInspectionItem): string | null {
    return details(item).retentionEndedOn ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'DESTRUCTION_PENDING: when destruction was approved / 批准销毁时间',
  })
  destructionApprovedAt(@Root() item: ArchiveInspectionItem): Date | null {
    const approved = details(item).destructionApprovedAt;
    return approved ? new Date(approved) : null;
  }
}
