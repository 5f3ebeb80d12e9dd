import { LoanStatus, loanStatus, mayApprove } from '@dossier/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { Document } from './document.entity.js';
import { documentById, managesBorrower } from './document.loaders.js';
import { DocumentLoan } from './document-loan.entity.js';
import { decideLoan, requestLoan, returnLoan } from './document-loan.service.js';
import { LoanRegisterFilter } from './inputs/loan-register.input.js';
import { loanRegisterPage } from './loan-register.query.js';

export const DocumentLoanConnection = connectionType(DocumentLoan, 'DocumentLoan');

const idArg = () => Arg('id', () => ID, { description: 'Global id of the loan / 借阅登记标识' });
const versionArg = () =>
  Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' });

@Resolver(() => DocumentLoan)
export class DocumentLoanResolver {
  @Query(() => DocumentLoanConnection, {
    description:
      'The loan register, newest request first: keepers see every loan, managers also those of their staff, others their own / 借阅登记簿',
  })
  async loanRegister(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => LoanRegisterFilter, {
      nullable: true,
      description: 'Conditions, all must hold / 筛选条件',
    })
    filter: LoanRegisterFilter | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(pageArgs);
    const result = await loanRegisterPage(ctx, filter, page);
    return toConnection(DocumentLoanConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => Document, { description: 'The document lent / 借阅的档案' })
  document(@Root() loan: DocumentLoan, @Ctx() ctx: Context) {
    return ctx.loaders.get(documentById).load(loan.document.id);
  }

  @FieldResolver(() => Staff, { description: 'Who borrows it / 借阅人' })
  borrower(@Root() loan: DocumentLoan, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(loan.borrower.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who granted or refused it / 审批人' })
  decidedBy(@Root() loan: DocumentLoan, @Ctx() ctx: Context) {
    return loan.decidedBy ? ctx.loaders.get(staffById).load(loan.decidedBy.id) : null;
  }

  @FieldResolver(() => LoanStatus, { description: 'Where it stands now / 当前状态' })
  status(@Root() loan: DocumentLoan, @Ctx() ctx: Context): LoanStatus {
    return loanStatus(loan, ctx.clock.now());
  }

  @FieldResolver(() => Boolean, { description: 'You may grant or refuse it now / 可由你审批' })
  async mayDecide(@Root() loan: DocumentLoan, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = viewerOf(ctx);
    if (loanStatus(loan, ctx.clock.now()) !== LoanStatus.REQUESTED || loan.borrower.id === viewer.id) {
      return false;
    }
    return mayApprove(loan.approval, {
      role: viewer.role,
      managesBorrower: await ctx.loaders.get(managesBorrower).load(loan.borrower.id),
      isTopOfLine: viewer.manager === null,
    });
  }

  @Mutation(() => DocumentLoan, {
    description:
      'Ask to borrow a document; INTERNAL is lent at once, the rest waits for approval / 申请借阅（一般级登记即借）',
  })
  requestDocumentLoan(
    @Arg('documentId', () => ID, { description: 'Global id of the document / 档案标识' }) documentId: string,
    @Arg('hours', () => Int, {
      nullable: true,
      description: "Hours wanted, at most the level's maximum (default) / 借阅时长（小时）",
    })
    hours: number | null,
    @Ctx() ctx: Context,
  ) {
    return requestLoan(ctx, documentId, hours);
  }

  @Mutation(() => DocumentLoan, { description: 'Grant or refuse a requested loan / 审批借阅申请' })
  decideDocumentLoan(
    @idArg() id: string,
    @Arg('approve', { description: 'true grants, false refuses / 同意或拒绝' }) approve: boolean,
    @versionArg() version: number,
    @Ctx() ctx: Context,
  ) {
    return decideLoan(ctx, id, approve, version);
  }

  @Mutation(() => DocumentLoan, { description: 'Register a borrowed document as returned / 归还档案' })
  returnDocumentLoan(@idArg() id: string, @versionArg() version: number, @Ctx() ctx: Context) {
    return returnLoan(ctx, id, version);
  }
}
