import { CompletenessSection } from '@dossier/domain';
import { CHARACTERISTICS_SECTION } from '../dossier/basic/characteristicsSection';
import { DOSSIER_TABS } from '../dossier/tabs';

/** The competitors' own tab once the dossier has one; until then the basic sheet. */
const COMPETITORS_TAB = (DOSSIER_TABS as readonly string[]).includes('competitors') ? 'competitors' : 'basic';

/**
 * Where in the dossier each missing item is filled in, as a path under /customers/:id/. A review is
 * recorded with the header's "Mark reviewed" button, which every tab shows: the basic sheet is where a
 * reviewer starts.
 */
export const SECTION_PATHS: Readonly<Record<CompletenessSection, string>> = {
  [CompletenessSection.BASIC]: 'basic',
  [CompletenessSection.CHARACTERISTICS]: `basic#${CHARACTERISTICS_SECTION}`,
  [CompletenessSection.KEY_PERSONS]: 'people',
  [CompletenessSection.DECISION_ROLES]: 'roles',
  [CompletenessSection.RELATIONSHIPS]: 'map',
  [CompletenessSection.CREDIT]: 'credit',
  [CompletenessSection.COMPETITORS]: COMPETITORS_TAB,
  [CompletenessSection.REVIEW]: 'basic',
};

export const sectionHref = (customerId: string, section: CompletenessSection) =>
  `/customers/${encodeURIComponent(customerId)}/${SECTION_PATHS[section]}`;
