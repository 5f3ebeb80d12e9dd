import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.js';

@Resolver()
export class CalendarResolver {
  @Query(() => String, {
    description:
      'IANA name of the business time zone (e.g. Asia/Shanghai): the days of the business calendar, and the zone clients show times in / 业务时区',
  })
  businessTimeZone(@Ctx() ctx: Context): string {
    return ctx.clock.timeZone;
  }
}
