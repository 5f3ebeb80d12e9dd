import { type LabelTable, labelOf } from '@dossier/domain';
import { useCallback } from 'react';
import { useLanguage } from './I18nProvider';

/**
 * Enum labels (roles, stages, ratings…) live once, in `@dossier/domain`, beside the enums the server
 * shares: `label(staffRoleLabels, me.role)` reads the current language's.
 */
export function useLabel(): <E extends string>(table: LabelTable<E>, value: E) => string {
  const [language] = useLanguage();
  return useCallback((table, value) => labelOf(table, value, language), [language]);
}
