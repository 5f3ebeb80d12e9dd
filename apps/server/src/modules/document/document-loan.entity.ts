import { type LoanApproval, loanApprovalLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { Staff } from '../staff/staff.entity.js';
import { Document } from './document.entity.js';

/** The approvals a loan can need, as the domain's union names them. */
const LOAN_APPROVALS = Object.keys(loanApprovalLabels) as LoanApproval[];
const LoanApprovalValues = Object.fromEntries(LOAN_APPROVALS.map((value) => [value, value])) as Record<
  LoanApproval,
  LoanApproval
>;

registerEnumType(LoanApprovalValues, {
  name: 'LoanApproval',
  description: 'Whose approval a loan needs / 借阅审批要求',
  valuesConfig: describedBy(loanApprovalLabels),
});

/**
 * One entry of the loan register (借阅登记): requested, then granted or refused, then returned. A grant
 * runs until `dueAt`; past it the loan has expired, read from the clock on every request (no cron).
 */
@ObjectType({ implements: Node, description: 'An entry of the loan register / 借阅登记' })
@Entity({ tableName: 'document_loan' })
export class DocumentLoan extends BaseEntity {
  @ManyToOne(() => Document, { ref: true })
  document: Ref<Document>;

  @ManyToOne(() => Staff, { ref: true })
  borrower: Ref<Staff>;

  @Field(() => LoanApprovalValues, { description: 'Whose approval it needs / 审批要求' })
  @Enum({ items: () => LOAN_APPROVALS })
  approval: LoanApproval;

  @Field(() => Int, { description: 'Hours asked for (at most the level allows) / 借阅时长（小时）' })
  @Property({ type: 'int' })
  hours: number;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  decidedBy: Ref<Staff> | null = null;

  @Field(() => Boolean, { description: 'The request was refused / 已拒绝' })
  @Property()
  refused: boolean = false;

  @Field(() => Date, { nullable: true, description: 'When the loan was granted / 准借时间' })
  @Property({ type: 'timestamptz', nullable: true })
  grantedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the grant runs out / 到期时间' })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was returned / 归还时间' })
  @Property({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null = null;

  /** Filed with the document's dossier; every service loads the document before it writes a loan. */
  dossierId(): string {
    return this.document.getEntity().dossierId();
  }

  constructor(document: Ref<Document>, borrower: Ref<Staff>, approval: LoanApproval, hours: number) {
    super();
    this.document = document;
    this.borrower = borrower;
    this.approval = approval;
    this.hours = hours;
  }
}
