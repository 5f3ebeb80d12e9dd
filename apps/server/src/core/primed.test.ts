import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { loadNow, primeNow } from './primed.js';

describe('loadNow', () => {
  const loader = () => {
    const asked: string[][] = [];
    const made = new DataLoader<string, string>(async (keys) => {
      asked.push([...keys]);
      return keys.map((key) => `read ${key}`);
    });
    return { made, asked };
  };

  it('answers a primed key with the value itself, and the loader with the same value', async () => {
    const { made, asked } = loader();
    primeNow(made, 'a', 'primed a');
    expect(loadNow(made, 'a')).toBe('primed a');
    expect(await made.load('a')).toBe('primed a');
    expect(asked).toEqual([]);
  });

  it('leaves any other key to the loader, batched as before', async () => {
    const { made, asked } = loader();
    primeNow(made, 'a', 'primed a');
    const [b, c] = [loadNow(made, 'b'), loadNow(made, 'c')];
    expect(b).toBeInstanceOf(Promise);
    expect(await Promise.all([b, c])).toEqual(['read b', 'read c']);
    expect(asked).toEqual([['b', 'c']]);
  });

  it('leaves a key the loader read itself, or a dropped prime, to the loader', async () => {
    const { made, asked } = loader();
    expect(await made.load('a')).toBe('read a');
    primeNow(made, 'a', 'primed a');
    expect(loadNow(made, 'a')).toBeInstanceOf(Promise);
    expect(await loadNow(made, 'a')).toBe('read a');

    const uncached = new DataLoader<string, string>(async (keys) => keys.map((key) => `read ${key}`), {
      cache: false,
    });
    primeNow(uncached, 'b', 'primed b');
    expect(await loadNow(uncached, 'b')).toBe('read b');
    expect(asked).toEqual([['a']]);
  });

  it('keeps the first value primed, as DataLoader does, and keeps loaders apart', async () => {
    const { made } = loader();
    const other = loader().made;
    primeNow(made, 'a', 'first');
    primeNow(made, 'a', 'second');
    expect(loadNow(made, 'a')).toBe('first');
    expect(await made.load('a')).toBe('first');
    expect(await loadNow(other, 'a')).toBe('read a');
  });
});
