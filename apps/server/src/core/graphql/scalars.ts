import { tryParseDecimal } from '@dossier/domain';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) {
    throw new GraphQLError(`${scalar} must be written as a string`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return ast.value;
}

/** Exact decimal as a string ("1234.50"): money never passes through a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Exact decimal as a string, e.g. "1234.50"; never a float / 精确小数（字符串）',
  serialize: (value) => String(value),
  parseValue(value) {
    if (typeof value !== 'string') {
      throw new GraphQLError('Decimal must be a string such as "1234.50"', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const parsed = tryParseDecimal(value);
    if (!parsed.ok) {
      throw new GraphQLError(`"${value}" is not a Decimal with at most 12 digits and 2 decimals`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  },
  parseLiteral(ast) {
    return this.parseValue?.(literalString(ast, 'Decimal')) as string;
  },
});

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a dossier's dates and times lie in. Without a bound, year 0000 passed as a calendar date and
 * reached PostgreSQL, which has no year zero; periods reckoned back from an early date (ABC's twelve months)
 * fell before year 1 and out of what JS dates print as YYYY-MM-DD.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

const inYears = (date: Date) => date.getUTCFullYear() >= FIRST_YEAR && date.getUTCFullYear() <= LAST_YEAR;

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && inYears(date);
}

/** A calendar date without time zone, YYYY-MM-DD. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'Calendar date, YYYY-MM-DD / 日期',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue(value) {
    if (typeof value !== 'string' || !isLocalDate(value)) {
      throw new GraphQLError(
        `LocalDate must be a real calendar date written YYYY-MM-DD, in ${FIRST_YEAR}–${LAST_YEAR}`,
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
    }
    return value;
  },
  parseLiteral(ast) {
    return this.parseValue?.(literalString(ast, 'LocalDate')) as string;
  },
});

function dateTimeInYears(date: Date): Date {
  if (!inYears(date)) {
    throw new GraphQLError(`DateTimeISO must lie in the years ${FIRST_YEAR}–${LAST_YEAR}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** graphql-scalars' DateTimeISO (what type-graphql maps Date to), within the years a dossier holds. */
export const DateTimeISOScalar = new GraphQLScalarType<Date, string>({
  ...GraphQLDateTimeISO.toConfig(),
  parseValue: (value) => dateTimeInYears(GraphQLDateTimeISO.parseValue(value)),
  parseLiteral: (ast, variables) => dateTimeInYears(GraphQLDateTimeISO.parseLiteral(ast, variables)),
});
