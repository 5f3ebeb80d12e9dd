import { Confidentiality, LoanStatus, loanStatusLabels } from '@dossier/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { describedBy } from '../../../core/graphql/enum-values.js';

registerEnumType(LoanStatus, {
  name: 'LoanStatus',
  description: 'Where a loan stands / 借阅状态',
  valuesConfig: describedBy(loanStatusLabels),
});

@InputType({ description: 'Which loans to list; all conditions must hold / 借阅登记筛选' })
export class LoanRegisterFilter {
  @Field(() => [LoanStatus], { nullable: true, description: 'In any of these states / 处于其中任一状态' })
  statuses?: LoanStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Borrowed by this staff member / 借阅人' })
  borrowerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Of this document / 档案' })
  documentId?: string | null;

  @Field(() => [Confidentiality], {
    nullable: true,
    description: 'Of documents at any of these levels / 档案密级为其中之一',
  })
  levels?: Confidentiality[] | null;
}
