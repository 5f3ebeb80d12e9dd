import { CompletenessCode as Code, CompletenessSection as Section } from '@dossier/domain';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { CompletenessChecklist } from './CompletenessChecklist';

const customer = (score: number, missing: Array<[Code, Section]>) => ({
  __typename: 'Customer' as const,
  id: 'c1',
  completeness: {
    __typename: 'Completeness' as const,
    score,
    missing: missing.map(([code, section]) => ({ __typename: 'MissingItem' as const, code, section })),
  },
});

const thin = customer(34, [
  [Code.MISSING_PHONE, Section.BASIC],
  [Code.CHARACTERISTICS_INCOMPLETE, Section.CHARACTERISTICS],
  [Code.NO_KEY_PERSON, Section.KEY_PERSONS],
  [Code.DECISION_MAKER_WITHOUT_RELATIONSHIP, Section.RELATIONSHIPS],
  [Code.CREDIT_REPORT_EXPIRED, Section.CREDIT],
  [Code.REVIEW_OVERDUE, Section.REVIEW],
]);

function renderChecklist(c: ReturnType<typeof customer>, language: Language = 'en') {
  renderWithProviders(<CompletenessChecklist customer={c} />, { language });
  fireEvent.click(screen.getByLabelText(/completeness|完整度/i, { selector: 'span.completeness' }));
}

const links = () =>
  within(screen.getByRole('list'))
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);

describe('the completeness checklist', () => {
  it('shows the score and, tapped, each missing item linking to where it is filled in', () => {
    renderChecklist(thin);
    expect(screen.getByLabelText('Dossier completeness 34 of 100', { selector: 'span' }).className).toBe(
      'completeness completeness--poor',
    );
    expect(screen.getByText('Missing (6):')).toBeTruthy();
    expect(links()).toEqual([
      ['Phone not filled in · Basic sheet', '/customers/c1/basic'],
      ['Characteristics incomplete · Characteristics', '/customers/c1/basic#characteristics'],
      ['No key person on file · Key persons', '/customers/c1/people'],
      ['A decision maker has no relationship with us · Relationship map', '/customers/c1/map'],
      ['Credit report expired · Credit', '/customers/c1/credit'],
      ['Review overdue · Review', '/customers/c1/basic'],
    ]);
  });

  it('speaks Chinese to a Chinese user', () => {
    renderChecklist(thin, 'zh-CN');
    expect(screen.getByLabelText('档案完整度 34 分（满分 100）', { selector: 'span' })).toBeTruthy();
    expect(links()[2]).toEqual(['没有关键人物 · 关键人物', '/customers/c1/people']);
  });

  it('says so when nothing is missing', () => {
    renderChecklist(customer(100, []));
    expect(screen.getByText('Nothing missing: the dossier is complete.')).toBeTruthy();
    expect(screen.getByLabelText('Dossier completeness 100 of 100', { selector: 'span' }).className).toBe(
      'completeness completeness--good',
    );
  });
});
