// Types of raw-sql.mjs for the TypeScript that imports it (its test); the module itself is plain JavaScript.
export const DOSSIER_LIST_SQL: string;
export const DOSSIER_SQL: string;
