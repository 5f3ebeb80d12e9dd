import { HistorySection, historySectionOf } from '@dossier/domain';
import type { DossierTab } from '../tabs';

/**
 * The tab of each history section: its label, and its name in the URL (`?section=people`). A section
 * without a tab yet (DOCUMENTS, until the archive has its dossier tab) is no filter, and its changes name
 * no tab.
 */
const TAB_OF_SECTION: Partial<Record<HistorySection, DossierTab>> = {
  [HistorySection.BASIC]: 'basic',
  [HistorySection.PEOPLE]: 'people',
  [HistorySection.MAP]: 'map',
  [HistorySection.ROLES]: 'roles',
  [HistorySection.PROJECTS]: 'projects',
  [HistorySection.TRADE]: 'trade',
  [HistorySection.CREDIT]: 'credit',
};

/** The sections a history can be filtered by, in the order of the tab bar. */
export const HISTORY_SECTIONS = Object.values(HistorySection).filter((section) => TAB_OF_SECTION[section]);

/** The tab of a section of HISTORY_SECTIONS. */
export function tabOfSection(section: HistorySection): DossierTab {
  const tab = TAB_OF_SECTION[section];
  if (!tab) throw new Error(`The history section ${section} has no dossier tab`);
  return tab;
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
