import type { LabelTable } from '@dossier/domain';

type ValuesConfig = Record<string, { description: string }>;

/**
 * type-graphql's `valuesConfig` of an enum from its bilingual label table in packages/domain, the one source
 * of what a value is called: each value is described "English / 中文", as every description of the schema
 * reads. The enums' values equal their names, so the table's keys name the values.
 */
export function describedBy<E extends string>(labels: LabelTable<E>): ValuesConfig {
  return Object.fromEntries(
    Object.entries<LabelTable<E>[E]>(labels).map(([value, label]) => [
      value,
      { description: `${label.en} / ${label['zh-CN']}` },
    ]),
  );
}
