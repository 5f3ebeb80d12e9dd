import { describe, expect, it } from 'vitest';
import { findUnstorableCharacter, unstorableCharacterProblem } from './text.js';

describe('findUnstorableCharacter', () => {
  it.each([
    ['plain Latin', 'Acme Trading Ltd.', null],
    ['Chinese', '华东精密机械有限公司', null],
    ['empty', '', null],
    ['tab, newline and carriage return in a note', 'line 1\r\n\tline 2', null],
    ['an emoji (surrogate pair)', 'great visit 👍', null],
    ['a rare CJK character outside the BMP', '𠮷野家', null],
    ['a non-breaking space and a right-to-left mark', 'a\u00a0b\u200fc', null],
    ['U+0000, which PostgreSQL refuses', 'bad\u0000name', { index: 3, codePoint: 'U+0000' }],
    ['a bell', '\u0007', { index: 0, codePoint: 'U+0007' }],
    ['an escape', 'x\u001b[31m', { index: 1, codePoint: 'U+001B' }],
    ['delete', 'a\u007f', { index: 1, codePoint: 'U+007F' }],
    ['a C1 control', 'a\u0085', { index: 1, codePoint: 'U+0085' }],
    ['the last C1 control', '\u009f', { index: 0, codePoint: 'U+009F' }],
    ['a lone high surrogate', 'a\ud83d', { index: 1, codePoint: 'U+D83D' }],
    ['a high surrogate before a letter', '\ud83dx', { index: 0, codePoint: 'U+D83D' }],
    ['a lone low surrogate', '\udc4dx', { index: 0, codePoint: 'U+DC4D' }],
    ['the non-character U+FFFE', 'a\ufffe', { index: 1, codePoint: 'U+FFFE' }],
    ['the non-character U+FFFF', '\uffff', { index: 0, codePoint: 'U+FFFF' }],
    ['the first of two', 'ok\u0001\u0000', { index: 2, codePoint: 'U+0001' }],
  ])('%s', (_case, text, expected) => {
    expect(findUnstorableCharacter(text)).toEqual(expected);
  });

  it('finds one in a 20,000-character string', () => {
    expect(findUnstorableCharacter(`${'档'.repeat(19_999)}\u0000`)).toEqual({
      index: 19_999,
      codePoint: 'U+0000',
    });
  });
});

describe('unstorableCharacterProblem', () => {
  it('names the character and where it is, counting from 1', () => {
    expect(unstorableCharacterProblem({ index: 3, codePoint: 'U+0000' })).toBe(
      'contains a control character (U+0000 at position 4) that text cannot hold',
    );
  });
});
