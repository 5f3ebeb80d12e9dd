import { describe, expect, it } from 'vitest';
import { sheetOf } from './sheet';

describe('a table as a sheet', () => {
  const columns = [
    { header: 'Name', value: (r: { name: string; revenue: string }) => r.name },
    { header: 'Revenue', value: (r: { name: string; revenue: string }) => Number(r.revenue) },
  ];

  it.each([
    { rows: [], expected: [] },
    {
      rows: [
        { name: '华东钢铁', revenue: '1250000.50' },
        { name: 'Acme', revenue: '-20.00' },
      ],
      expected: [
        ['华东钢铁', 1250000.5],
        ['Acme', -20],
      ],
    },
  ])('$rows.length rows keep the columns, in order', ({ rows, expected }) => {
    expect(sheetOf('Top', columns, rows)).toEqual({
      name: 'Top',
      headers: ['Name', 'Revenue'],
      rows: expected,
    });
  });
});
