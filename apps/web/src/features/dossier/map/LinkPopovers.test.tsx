import { RelationshipState } from '@dossier/domain';
import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import {
  MapTabDocument,
  RelationshipTimelineDocument,
  SetRelationshipStateDocument,
} from '../../../apollo/generated';
import { ActiveQuery } from '../../../test/ActiveQuery';
import { renderWithProviders } from '../../../test/render';
import { headerRead } from '../headerRead.test-data';
import { ConflictPopover, LinkPopover } from './LinkPopovers';
import { link, mapCustomer, wang, wangWei } from './mapFixture.test-data';
import { toMapModel } from './mapModel';

const existing = link('rel-1', wang, 'kp-li', RelationshipState.NEUTRAL, 3);
const target = { staffId: wang.id, keyPersonId: 'kp-li', existing };
const anchor = { x: 100, y: 100 };
const mapTab = (relationships = [existing]) => ({
  request: { query: MapTabDocument, variables: { customerId: 'cust-1' } },
  result: { data: { me: null, customer: mapCustomer(relationships) } },
});
const input = (state: RelationshipState, expectedVersion: number) => ({
  input: { staffId: wang.id, keyPersonId: 'kp-li', state, expectedVersion },
});

describe('LinkPopover', () => {
  it('saves the state tapped with the version read, and closes at once', async () => {
    const result = vi.fn(() => ({
      data: { setRelationshipState: link('rel-1', wang, 'kp-li', RelationshipState.POSITIVE, 4) },
    }));
    const onClose = vi.fn();
    const onOpen = vi.fn();
    const header = headerRead('cust-1');
    renderWithProviders(
      <LinkPopover
        customerId="cust-1"
        model={toMapModel(mapCustomer().relationshipMap, [])}
        target={target}
        anchor={anchor}
        onOpen={onOpen}
        onClose={onClose}
      />,
      {
        mocks: [
          {
            request: { query: SetRelationshipStateDocument, variables: input(RelationshipState.POSITIVE, 3) },
            result,
          },
          mapTab(),
          header,
        ],
      },
    );
    expect(screen.getByRole('dialog', { name: '王强 → 李工' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Positive' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    // The coverage chip in the header may change with a state: it is read again.
    await vi.waitFor(() => expect(header.result).toHaveBeenCalledTimes(1));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('opens the conflict popover with the rep’s choice when someone changed the link meanwhile', async () => {
    const onOpen = vi.fn();
    const map = { ...mapTab(), result: vi.fn(() => mapTab().result), maxUsageCount: 2 };
    renderWithProviders(
      <>
        <ActiveQuery query={MapTabDocument} variables={{ customerId: 'cust-1' }} />
        <LinkPopover
          customerId="cust-1"
          model={toMapModel(mapCustomer().relationshipMap, [])}
          target={target}
          anchor={anchor}
          onOpen={onOpen}
          onClose={() => undefined}
        />
      </>,
      {
        mocks: [
          {
            request: { query: SetRelationshipStateDocument, variables: input(RelationshipState.NEGATIVE, 3) },
            result: { errors: [new GraphQLError('stale', { extensions: { code: 'VERSION_CONFLICT' } })] },
          },
          map,
        ],
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Negative' }));
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    // The map was read again first, so the conflict popover shows the link as it is now.
    expect(map.result).toHaveBeenCalledTimes(2);
    expect(onOpen).toHaveBeenCalledWith({
      kind: 'conflict',
      target,
      choice: { state: RelationshipState.NEGATIVE },
      anchor,
    });
  });
});

const timeline = {
  request: { query: RelationshipTimelineDocument, variables: { id: 'rel-1' } },
  result: {
    data: {
      node: {
        __typename: 'Relationship',
        id: 'rel-1',
        timeline: [
          {
            __typename: 'RelationshipTimelineEntry',
            state: RelationshipState.POSITIVE,
            previousState: RelationshipState.NEUTRAL,
            note: '他请我们吃饭',
            noteChanged: true,
            change: {
              __typename: 'Change',
              id: 'change-9',
              at: '2026-11-29T16:02:00.000Z',
              actor: { __typename: 'Staff', id: 'staff-li', name: '李四' },
            },
          },
        ],
      },
    },
  },
};

describe('LinkPopover of a link the viewer may not record', () => {
  const colleagues = { ...link('rel-2', wangWei, 'kp-li', RelationshipState.POSITIVE, 2), note: '老同学' };
  const model = toMapModel(mapCustomer([existing, colleagues]).relationshipMap, []);

  function open(language: 'en' | 'zh-CN' = 'en') {
    const onOpen = vi.fn();
    renderWithProviders(
      <LinkPopover
        customerId="cust-1"
        model={model}
        target={{ staffId: wangWei.id, keyPersonId: 'kp-li', existing: colleagues }}
        anchor={anchor}
        onOpen={onOpen}
        onClose={() => undefined}
      />,
      { language },
    );
    return onOpen;
  }

  it('shows the state and note on record and whose it is, with no state to choose', () => {
    open();
    const dialog = screen.getByRole('dialog', { name: '王伟 → 李工' });
    expect(dialog.textContent).toContain('State: Positive');
    expect(dialog.textContent).toContain('老同学');
    expect(screen.getByText('Only 王伟 or their manager can record this.').tagName).toBe('P');
    expect(screen.queryByRole('button', { name: 'Positive' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says so in Chinese, and still opens the timeline', () => {
    const onOpen = open('zh-CN');
    expect(screen.getByText('只有王伟本人或其上级可以记录。').tagName).toBe('P');
    fireEvent.click(screen.getByRole('button', { name: '关系变化记录' }));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith({ kind: 'timeline', relationshipId: 'rel-2', anchor });
  });
});

describe('ConflictPopover', () => {
  const theirs = { ...link('rel-1', wang, 'kp-li', RelationshipState.POSITIVE, 4), note: '他请我们吃饭' };
  const model = toMapModel(mapCustomer([theirs]).relationshipMap, []);

  it('shows the change on record beside the rep’s, and reapplies on top of it', async () => {
    const result = vi.fn(() => ({
      data: { setRelationshipState: link('rel-1', wang, 'kp-li', RelationshipState.NEGATIVE, 5) },
    }));
    const onClose = vi.fn();
    renderWithProviders(
      <ConflictPopover
        customerId="cust-1"
        model={model}
        target={target}
        choice={{ state: RelationshipState.NEGATIVE }}
        anchor={anchor}
        onOpen={() => undefined}
        onClose={onClose}
      />,
      {
        mocks: [
          {
            request: { query: SetRelationshipStateDocument, variables: input(RelationshipState.NEGATIVE, 4) },
            result,
          },
          mapTab([theirs]),
          timeline,
          headerRead('cust-1'),
        ],
      },
    );
    const rows = () =>
      screen
        .getAllByRole('row')
        .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(screen.getByRole('alert', { name: 'Someone changed this: reload and reapply.' })).toBeTruthy();
    expect(rows()).toEqual([
      ['Field', 'Saved now', 'Your change'],
      ['Relationship state', 'Positive · 他请我们吃饭', 'Negative'],
    ]);
    // Then who made the other change, and when, from the link's timeline (in the reader's time zone).
    await vi.waitFor(() =>
      expect(rows()[1]?.[1]).toMatch(
        /^Positive \(was Neutral\) · 李四 · Nov (29|30), 2026, \d+:02 [AP]M他请我们吃饭$/,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reapply my change' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });

  it('reloads (keeps theirs) without sending anything', () => {
    const onClose = vi.fn();
    renderWithProviders(
      <ConflictPopover
        customerId="cust-1"
        model={model}
        target={target}
        choice={{ state: RelationshipState.NEGATIVE }}
        anchor={anchor}
        onOpen={() => undefined}
        onClose={onClose}
      />,
      { mocks: [timeline] },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
