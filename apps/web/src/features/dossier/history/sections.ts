import { HistorySection, historySectionOf } from '@dossier/domain';
import type { DossierTab } from '../tabs';

/** The tab of each history section: its label, and its name in the URL (`?section=people`). */
const TAB_OF_SECTION: Record<HistorySection, DossierTab> = {
  [HistorySection.BASIC]: 'basic',
  [HistorySection.PEOPLE]: 'people',
  [HistorySection.MAP]: 'map',
  [HistorySection.ROLES]: 'roles',
  [HistorySection.PROJECTS]: 'projects',
  [HistorySection.TRADE]: 'trade',
  [HistorySection.CREDIT]: 'credit',
  [HistorySection.DOCUMENTS]: 'documents',
  [HistorySection.FEEDBACK]: 'feedback',
  [HistorySection.COMPETITORS]: 'competitors',
};

/** The sections a history can be filtered by, in the order of the tab bar. */
export const HISTORY_SECTIONS = Object.values(HistorySection);

export function tabOfSection(section: HistorySection): DossierTab {
  return TAB_OF_SECTION[section];
}

/** The tab a changed record belongs to, by its GraphQL type; undefined for a type no tab shows. */
export function tabOfEntityType(entityType: string): DossierTab | undefined {
  const section = historySectionOf(entityType);
  return section && TAB_OF_SECTION[section];
}

/** The section named by the URL's `section` parameter; anything else is no filter. */
export function sectionOfParam(param: string | null): HistorySection | undefined {
  return HISTORY_SECTIONS.find((section) => TAB_OF_SECTION[section] === param);
}

/** The History tab's query variables: the section filter is applied by the server, across every page. */
export function historyVariables(customerId: string, section: HistorySection | undefined) {
  return section ? { customerId, sections: [section] } : { customerId };
}
