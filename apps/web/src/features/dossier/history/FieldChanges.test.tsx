import { ChangeAction } from '@dossier/domain';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FieldChanges_ChangeFragment } from '../../../apollo/generated';
import type { Language } from '../../../i18n';
import { renderWithProviders } from '../../../test/render';
import { FieldChanges } from './FieldChanges';

type Value = {
  field: string;
  before: string | null;
  after: string | null;
  beforeName?: string;
  afterName?: string;
  redacted?: boolean;
};

const changeOf = (
  entityType: string,
  values: Value[],
  action = ChangeAction.UPDATE,
): FieldChanges_ChangeFragment => ({
  __typename: 'Change',
  action,
  entityType,
  changes: values.map((value) => ({
    __typename: 'FieldChange',
    beforeName: null,
    afterName: null,
    redacted: false,
    ...value,
  })),
});

async function lines(change: FieldChanges_ChangeFragment, language: Language) {
  await act(async () => renderWithProviders(<FieldChanges change={change} />, { language }));
  return screen.getAllByRole('listitem').map((item) => item.textContent);
}

const tier = changeOf('Customer', [{ field: 'tier', before: 'GENERAL', after: 'IMPORTANT' }]);

describe('FieldChanges', () => {
  it('reads a tier change with the field label and the tier labels of the UI language', async () => {
    expect(await lines(tier, 'zh-CN')).toEqual(['客户档次：一般 → 重要']);
  });

  it('reads the same change in English', async () => {
    expect(await lines(tier, 'en')).toEqual(['Tier: General → Important']);
  });

  it('formats review times, yuan amounts and dates instead of showing them as stored', async () => {
    const change = changeOf('Customer', [
      { field: 'creditLimit', before: null, after: '80000.00' },
      { field: 'reviewedAt', before: '2026-11-13T09:51:10.144Z', after: '2026-11-29T18:38:02.280Z' },
    ]);
    const [limit, reviewed] = await lines(change, 'zh-CN');
    expect(limit).toBe('信用额度：— → ¥80,000.00');
    // The time of day depends on the reader's time zone; the day does not, for these instants.
    expect(reviewed).toMatch(/^最近审阅：2026年11月13日 .+ → 2026年11月(29|30)日 .+$/);
    expect(reviewed).not.toContain('Z');
  });

  it('shows calendar days as days', async () => {
    const change = changeOf('Project', [
      { field: 'expectedCloseDate', before: '2026-12-31', after: '2027-01-15' },
    ]);
    expect(await lines(change, 'en')).toEqual(['Expected close date: Dec 31, 2026 → Jan 15, 2027']);
  });

  it('names the people a reference points at, and says so when the record is gone', async () => {
    const owner = changeOf('Customer', [
      { field: 'ownerId', before: 'U3RhZmY6MQ', after: 'U3RhZmY6Mg', beforeName: '李娜', afterName: '张伟' },
    ]);
    expect(await lines(owner, 'zh-CN')).toEqual(['负责销售：李娜 → 张伟']);
  });

  it('says a referenced record is no longer there instead of showing its id', async () => {
    const reportsTo = changeOf('KeyPerson', [
      { field: 'reportsToId', before: 'S2V5UGVyc29uOjE', after: null },
    ]);
    expect(await lines(reportsTo, 'en')).toEqual(['Reports to: (record no longer available) → —']);
  });

  it('lists a new record by its values only, with yes/no for flags', async () => {
    const created = changeOf(
      'KeyPerson',
      [
        { field: 'active', before: null, after: 'true' },
        { field: 'profile.interests', before: null, after: '高尔夫' },
      ],
      ChangeAction.CREATE,
    );
    expect(await lines(created, 'zh-CN')).toEqual(['是否仍在职：是', '兴趣爱好：高尔夫']);
  });

  it('names a personal field the reader may not see and says its values are not shown', async () => {
    const hidden = changeOf('KeyPerson', [{ field: 'mobile', before: null, after: null, redacted: true }]);
    expect(await lines(hidden, 'zh-CN')).toEqual(['手机：（无权查看） → （无权查看）']);
  });

  it('says so in English too', async () => {
    const hidden = changeOf('KeyPerson', [{ field: 'mobile', before: null, after: null, redacted: true }]);
    expect(await lines(hidden, 'en')).toEqual(['Mobile phone: (not shown) → (not shown)']);
  });

  it('lists a deleted record by its values before', async () => {
    const deleted = changeOf(
      'Relationship',
      [{ field: 'state', before: 'NEGATIVE', after: null }],
      ChangeAction.DELETE,
    );
    expect(await lines(deleted, 'en')).toEqual(['Relationship state: Negative']);
  });

  it('shows a field or value the labels do not know as stored', async () => {
    const unknown = changeOf('Customer', [
      { field: 'legacyCode', before: 'A1', after: 'A2' },
      { field: 'tier', before: 'VIP', after: 'GENERAL' },
    ]);
    expect(await lines(unknown, 'en')).toEqual(['legacyCode: A1 → A2', 'Tier: VIP → General']);
  });
});
