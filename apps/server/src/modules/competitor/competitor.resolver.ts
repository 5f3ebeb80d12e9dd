import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { Competitor } from './competitor.entity.js';
import { competitorById } from './competitor.loaders.js';
import { createCompetitor, updateCompetitor } from './competitor.service.js';
import { competitorList } from './competitor-list.query.js';
import {
  CreateCompetitorInput,
  ShareOfWalletInput,
  UpdateCompetitorInput,
} from './inputs/competitor-inputs.js';
import { shareOfWallet, walletPeriod } from './share-of-wallet.query.js';
import { CompetitorWalletShare, ShareOfWalletView } from './share-of-wallet.types.js';

@Resolver(() => Competitor)
export class CompetitorResolver {
  @Query(() => [Competitor], {
    description: 'The company-wide list of competitors, by name; everyone signed in reads it / 竞争对手名录',
  })
  competitors(
    @Arg('includeInactive', () => Boolean, {
      nullable: true,
      description: 'Retired ones too; default false / 含已停用',
    })
    includeInactive: boolean | null,
    @Ctx() ctx: Context,
  ) {
    viewerOf(ctx);
    return competitorList(ctx.em, includeInactive === true);
  }

  @Mutation(() => Competitor, {
    description: 'Add a competitor to the list (managers, admins) / 新增竞争对手',
  })
  createCompetitor(
    @Arg('input', { description: 'The competitor / 竞争对手' }) input: CreateCompetitorInput,
    @Ctx() ctx: Context,
  ) {
    return createCompetitor(ctx, input);
  }

  @Mutation(() => Competitor, {
    description: 'Change a competitor of the list (managers, admins) / 修改竞争对手',
  })
  updateCompetitor(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateCompetitorInput,
    @Ctx() ctx: Context,
  ) {
    return updateCompetitor(ctx, id, version, input);
  }
}

@Resolver(() => ShareOfWalletView)
export class ShareOfWalletResolver {
  @Query(() => ShareOfWalletView, {
    description:
      'Share of wallet by competitor over the customers you may see: presence, average share, revenue at stake / 竞争对手钱包份额分析',
  })
  async competitorShareOfWallet(
    @Arg('input', () => ShareOfWalletInput, { nullable: true, description: 'Period / 期间' })
    input: ShareOfWalletInput | null,
    @Ctx() ctx: Context,
  ): Promise<ShareOfWalletView> {
    const period = walletPeriod(input, ctx.clock);
    const rows = await shareOfWallet(ctx.em, viewerOf(ctx), period);
    const competitors = rows.map(({ estimated, ...row }) => ({ ...row, estimatedCustomers: estimated }));
    return { ...period, competitors };
  }
}

@Resolver(() => CompetitorWalletShare)
export class CompetitorWalletShareResolver {
  @FieldResolver(() => Competitor)
  competitor(@Root() share: CompetitorWalletShare, @Ctx() ctx: Context) {
    return ctx.loaders.get(competitorById).load(share.competitorId);
  }
}
