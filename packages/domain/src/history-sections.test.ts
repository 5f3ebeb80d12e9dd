import { describe, expect, it } from 'vitest';
import { entityTypesOfSections, HistorySection, historySectionOf } from './history-sections.js';

describe('historySectionOf', () => {
  it.each([
    ['Customer', HistorySection.BASIC],
    ['CustomerSheetLink', HistorySection.BASIC],
    ['KeyPerson', HistorySection.PEOPLE],
    ['Relationship', HistorySection.MAP],
    ['DecisionRoleAssignment', HistorySection.ROLES],
    ['Project', HistorySection.PROJECTS],
    ['ProjectEvent', HistorySection.PROJECTS],
    ['Order', HistorySection.TRADE],
    ['Payment', HistorySection.TRADE],
    ['OrderReturn', HistorySection.TRADE],
    ['CreditReport', HistorySection.CREDIT],
    ['Document', HistorySection.DOCUMENTS],
    ['DocumentLoan', HistorySection.DOCUMENTS],
    ['ArchiveInspectionItem', HistorySection.DOCUMENTS],
    ['Feedback', HistorySection.FEEDBACK],
    ['SatisfactionSurvey', HistorySection.FEEDBACK],
    ['WeeklyCheck', HistorySection.BASIC],
    ['CustomerCompetitor', HistorySection.COMPETITORS],
    ['Competitor', HistorySection.COMPETITORS],
    ['DocumentDestruction', undefined],
    ['Staff', undefined],
    ['toString', undefined],
    ['', undefined],
  ])('%s → %s', (entityType, section) => {
    expect(historySectionOf(entityType)).toBe(section);
  });
});

describe('entityTypesOfSections', () => {
  it.each([
    [[], []],
    [[HistorySection.BASIC], ['Customer', 'CustomerSheetLink', 'WeeklyCheck']],
    [[HistorySection.PROJECTS], ['Project', 'ProjectEvent']],
    [
      [HistorySection.TRADE, HistorySection.CREDIT],
      ['CreditReport', 'Order', 'OrderReturn', 'Payment'],
    ],
    [[HistorySection.MAP, HistorySection.MAP], ['Relationship']],
    [[HistorySection.DOCUMENTS], ['ArchiveInspectionItem', 'Document', 'DocumentLoan']],
    [[HistorySection.FEEDBACK], ['Feedback', 'SatisfactionSurvey']],
    [[HistorySection.COMPETITORS], ['Competitor', 'CustomerCompetitor']],
  ])('%j → %j', (sections, types) => {
    expect(entityTypesOfSections(sections)).toEqual(types);
  });

  it('gives every section at least one record type', () => {
    for (const section of Object.values(HistorySection))
      expect(entityTypesOfSections([section]).length).toBeGreaterThan(0);
  });
});
