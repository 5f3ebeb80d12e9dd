import { describe, expect, it } from 'vitest';
import { contentMatchesType } from './document-type.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const CFB = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

describe('contentMatchesType', () => {
  it.each([
    ['a PDF as a PDF', Buffer.from('%PDF-1.7\n%%EOF'), 'application/pdf', true],
    ['a PNG as a PNG', PNG, 'image/png', true],
    ['a PNG as a PDF', PNG, 'application/pdf', false],
    ['an executable as a PDF', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'application/pdf', false],
    ['a Word 97 file', CFB, 'application/msword', true],
    ['a Word 97 file as a PDF', CFB, 'application/pdf', false],
    ['UTF-8 text', Buffer.from('客户名称,金额\n华为,100\n'), 'text/csv', true],
    ['text with a NUL byte', Buffer.from('abc\0def'), 'text/plain', false],
    ['a PDF as text', Buffer.from('%PDF-1.7\n%%EOF'), 'text/plain', false],
    ['bytes that are not UTF-8', Buffer.from([0xc3, 0x28, 0x41]), 'text/plain', false],
  ])('%s → %s', async (_case, bytes, mediaType, matches) => {
    expect(await contentMatchesType(bytes, mediaType)).toBe(matches);
  });
});
