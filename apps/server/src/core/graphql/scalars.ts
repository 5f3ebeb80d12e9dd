import { tryParseDecimal } from '@dossier/domain';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

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

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date without time zone, YYYY-MM-DD. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'Calendar date, YYYY-MM-DD / 日期',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue(value) {
    if (typeof value !== 'string' || !isLocalDate(value)) {
      throw new GraphQLError('LocalDate must be a real calendar date written YYYY-MM-DD', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  },
  parseLiteral(ast) {
    return this.parseValue?.(literalString(ast, 'LocalDate')) as string;
  },
});
