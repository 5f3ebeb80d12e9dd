/** The id of the characteristics panel on the basic tab: the completeness checklist links to it. */
export const CHARACTERISTICS_SECTION = 'characteristics';
