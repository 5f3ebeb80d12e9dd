import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../../modules/auth/auth.resolver.js';
import { CustomerResolver } from '../../modules/customer/customer.resolver.js';
import { StaffResolver } from '../../modules/staff/staff.resolver.js';

export const resolvers = [AuthResolver, StaffResolver, CustomerResolver] as const;

export function buildDossierSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: false,
  });
}

/** The schema as SDL in a stable order, so the committed file only changes when the API does. */
export function printDossierSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
