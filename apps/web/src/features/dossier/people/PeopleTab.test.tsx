import { act, fireEvent, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { PeopleTabDocument, UpdateKeyPersonProfileDocument } from '../../../apollo/generated';
import { renderWithProviders } from '../../../test/render';
import { PeopleTab } from './PeopleTab';

const person = (id: string, name: string, changes: Record<string, unknown> = {}) => ({
  __typename: 'KeyPerson',
  id,
  version: 1,
  name,
  title: null,
  department: null,
  active: true,
  personalDataVisible: true,
  mobile: null,
  officePhone: null,
  email: null,
  reportsTo: null,
  profile: null,
  ...changes,
});

const profile = {
  __typename: 'KeyPersonProfile',
  birthday: null,
  birthYear: 1975,
  education: 'MBA',
  background: null,
  family: null,
  personality: null,
  interests: '高尔夫',
  notes: null,
};

/** Awaited in `act`: the tab suspends until its query answers. */
function renderPeople(keyPersons: object[], more: object[] = []) {
  return act(async () => {
    renderWithProviders(
      <Suspense fallback="loading">
        <PeopleTab customerId="c1" />
      </Suspense>,
      {
        mocks: [
          {
            request: { query: PeopleTabDocument, variables: { customerId: 'c1' } },
            result: { data: { customer: { __typename: 'Customer', id: 'c1', keyPersons } } },
          },
          ...(more as never[]),
        ],
      },
    );
  });
}

describe('PeopleTab', () => {
  it('lists active people first and shows the picked one’s card with the profile the API returned', async () => {
    await renderPeople([
      person('k1', '李前任', { active: false }),
      person('k2', '王总', { title: '总经理', department: '总经办', profile }),
      person('k3', '赵工', {
        title: '技术总监',
        personalDataVisible: false,
        reportsTo: { __typename: 'KeyPerson', id: 'k2', name: '王总' },
      }),
    ]);

    const items = await screen.findAllByRole('button', { pressed: false });
    const list = [screen.getByRole('button', { pressed: true }), ...items].map((b) => b.textContent);
    expect(list).toEqual(['王总总经理 · 总经办', '赵工技术总监', '李前任 · Former']);
    expect(screen.getByRole('heading', { name: 'Personal profile' })).toBeTruthy();
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual([
      '总经办',
      '总经理',
      '1975',
      'MBA',
      '高尔夫',
    ]);

    // The API hides 赵工's personal data from this viewer: no empty section, the work details and a note
    // that phones and profile are withheld, so nobody takes them for missing and fills them in.
    fireEvent.click(screen.getByRole('button', { name: /赵工/ }));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('赵工 ');
    expect(screen.queryByRole('heading', { name: 'Personal profile' })).toBeNull();
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual([
      '技术总监',
      'Not shown: phones, e-mail and profile are for the owner, their managers and admins only',
      '王总',
    ]);
  });

  it('says so when no key person is recorded', async () => {
    await renderPeople([]);
    expect((await screen.findByText('No key persons recorded.')).tagName).toBe('P');
  });

  it('keeps a birthday entered as month and day, the year left unknown, and shows it on the card', async () => {
    const saved = person('k2', '王总', { version: 2, profile: { ...profile, birthday: '09-14' } });
    await renderPeople(
      [person('k2', '王总', { profile })],
      [
        {
          request: {
            query: UpdateKeyPersonProfileDocument,
            variables: {
              id: 'k2',
              expectedVersion: 1,
              input: { profile: { birthday: '09-14', birthYear: null } },
            },
          },
          result: { data: { updateKeyPerson: saved } },
        },
      ],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit birthday' }));
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '9' } });
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '14' } });
    fireEvent.change(screen.getByLabelText('Year of birth'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(await screen.findByRole('button', { name: 'Edit birthday' })).toBeTruthy();
    const birthday = screen.getAllByRole('term').find((term) => term.textContent === 'Birthday');
    expect(birthday?.nextElementSibling?.textContent).toBe('September 14');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no birthday form for a person whose personal data is hidden', async () => {
    await renderPeople([person('k3', '赵工', { personalDataVisible: false })]);
    await screen.findByRole('heading', { level: 3 });
    expect(screen.queryByRole('button', { name: 'Edit birthday' })).toBeNull();
  });
});
