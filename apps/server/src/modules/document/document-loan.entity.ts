import type { LoanApproval } from '@dossier/domain';
import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Document } from './document.entity.js';

/**
 * One entry of the loan register (借阅登记): requested, then granted or refused, then returned. A grant
 * runs until `dueAt`; past it the loan has expired, read from the clock on every request (no cron).
 */
@Entity({ tableName: 'document_loan' })
export class DocumentLoan extends BaseEntity {
  @ManyToOne(() => Document, { ref: true })
  document: Ref<Document>;

  @ManyToOne(() => Staff, { ref: true })
  borrower: Ref<Staff>;

  @Property({ type: 'text' })
  approval: LoanApproval;

  @Property({ type: 'int' })
  hours: number;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  decidedBy: Ref<Staff> | null = null;

  @Property()
  refused = false;

  @Property({ type: 'timestamptz', nullable: true })
  grantedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null = null;

  constructor(document: Ref<Document>, borrower: Ref<Staff>, approval: LoanApproval, hours: number) {
    super();
    this.document = document;
    this.borrower = borrower;
    this.approval = approval;
    this.hours = hours;
  }
}
