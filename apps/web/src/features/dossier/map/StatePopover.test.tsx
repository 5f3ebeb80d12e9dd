import { RelationshipState } from '@dossier/domain';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { Popover } from './Popover';
import { StatePopover } from './StatePopover';

function open(current: RelationshipState | null, note: string | null = null, language?: 'en' | 'zh-CN') {
  const onChoose = vi.fn();
  renderWithProviders(
    <Popover anchor={{ x: 10, y: 10 }} label="Wang → Li" onClose={() => undefined}>
      <StatePopover title="Wang → Li" current={current} note={note} onChoose={onChoose} />
    </Popover>,
    language ? { language } : {},
  );
  return { onChoose };
}

describe('StatePopover', () => {
  it('offers the four states, the current one pressed and focused', () => {
    open(RelationshipState.NEUTRAL);
    const states = screen.getAllByRole('button').filter((b) => b.hasAttribute('aria-pressed'));
    expect(states.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['Positive', 'false'],
      ['Neutral', 'true'],
      ['Negative', 'false'],
      ['No relationship yet', 'false'],
    ]);
    expect(document.activeElement?.textContent).toBe('Neutral');
  });

  it('saves with the second tap: the state alone, leaving the note on record untouched', () => {
    const { onChoose } = open(RelationshipState.NEUTRAL, 'met at the fair');
    fireEvent.click(screen.getByRole('button', { name: 'Positive' }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith({ state: RelationshipState.POSITIVE });
  });

  it('sends a typed note with the state tapped after it', () => {
    const { onChoose } = open(RelationshipState.NEUTRAL);
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: '  dinner went well ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Positive' }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith({
      state: RelationshipState.POSITIVE,
      note: 'dinner went well',
    });
  });

  it('clears the note when the rep empties it', () => {
    const { onChoose } = open(RelationshipState.NEGATIVE, 'old grudge');
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note only' }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith({ state: RelationshipState.NEGATIVE, note: null });
  });

  it('offers "save note only" just when the note changed on an existing link', () => {
    open(RelationshipState.NEUTRAL, 'x');
    expect(screen.queryByRole('button', { name: 'Save note only' })).toBeNull();
  });

  it('closes on Escape and gives focus back to the button that opened it', () => {
    function Harness() {
      const [shown, setShown] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setShown(true)}>
            opener
          </button>
          {shown && (
            <Popover anchor={{ x: 0, y: 0 }} label="Wang → Li" onClose={() => setShown(false)}>
              <StatePopover title="Wang → Li" current={null} note={null} onChoose={() => undefined} />
            </Popover>
          )}
        </>
      );
    }
    renderWithProviders(<Harness />);
    const opener = screen.getByRole('button', { name: 'opener' });
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement?.textContent).toBe('Positive');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the popover', () => {
    open(RelationshipState.NONE);
    const textarea = screen.getByLabelText('Note (optional)');
    textarea.focus();
    fireEvent.keyDown(textarea, { key: 'Tab' });
    expect(document.activeElement?.textContent).toBe('Positive');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(textarea);
  });

  it('speaks Chinese to a Chinese rep', () => {
    open(null, null, 'zh-CN');
    const group = screen.getByRole('group', { name: '关系状况' });
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '积极的',
      '中立的',
      '消极的',
      '尚未建立关系',
    ]);
    expect(screen.getByLabelText('备注（选填）')).toBeTruthy();
  });
});
