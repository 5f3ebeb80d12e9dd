import type { CodegenConfig } from '@graphql-codegen/cli';

// Apollo Client 4's recommended set-up: plain operation types plus `TypedDocumentNode`s, not the
// client preset, whose fragment masking duplicates the data masking Apollo already does.
// No `typescript` plugin: typescript-operations 6 emits the enum and input types the operations use
// itself, and with both plugins every used enum is declared twice (a compile error).
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    'src/apollo/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        avoidOptionals: { field: true, inputValue: false },
        defaultScalarType: 'unknown',
        // Instants, calendar days and exact decimals all travel as strings (see the schema's scalars).
        scalars: {
          DateTimeISO: 'string',
          LocalDate: 'string',
          Decimal: 'string',
          // An inbox item's text parameters, interpolated by name into its translation.
          JSONObject: 'Record<string, string | number>',
        },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        useTypeImports: true,
        // The contract's enums exist once, in the shared domain package, with their labels.
        enumValues: '@dossier/domain',
      },
    },
  },
};

export default config;
