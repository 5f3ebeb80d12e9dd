import { ArgsType, Field, Int } from 'type-graphql';
import { badInput } from '../errors.js';
import { type Cursor, decodeCursor } from './cursor.js';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 0–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}) / 每页条数`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row seen (endCursor) / 游标' })
  after?: string | null;
}

export interface Page {
  limit: number;
  after: Cursor | null;
}

/** Validated page arguments: a bad size or a forged cursor is BAD_USER_INPUT, not an empty page. */
export function pageOf(args: { first?: number | null; after?: string | null }): Page {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return { limit, after: args.after ? decodeCursor(args.after) : null };
}
