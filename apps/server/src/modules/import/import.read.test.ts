import { describe, expect, it } from 'vitest';
import { COLUMNS, ImportKind } from './import.columns.js';
import { inferKind, normalizeHeader } from './import.headers.js';
import { readTable } from './import.read.js';

describe('headers', () => {
  it.each([
    ['Unit Price (¥)', 'unitprice'],
    ['unit_price', 'unitprice'],
    ['单价（元）', '单价'],
    ['E-mail', 'email'],
    ['Order No.', 'orderno'],
    ['*客户编号', '客户编号'],
  ])('reads %s as %s', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });

  it.each([
    [['客户编号', '客户名称', '性质'], ImportKind.CUSTOMERS],
    [['Customer Code', 'Name'], ImportKind.CUSTOMERS],
    [['客户编号', '姓名', '职务'], ImportKind.KEY_PERSONS],
    [['Customer Code', 'Name', 'Title'], ImportKind.KEY_PERSONS],
    [['订单号', '客户编号', '订货日期'], ImportKind.ORDERS],
    [['订单号', '客户编号', '订货日期', '商品编码', '数量', '单价'], ImportKind.ORDERS],
    [['Order No', 'SKU', 'Qty', 'Unit Price'], ImportKind.ORDER_LINES],
  ])('tells %j is %s', (headers, kind) => {
    expect(inferKind(headers)).toBe(kind);
  });

  it('gives no header two meanings within one kind', () => {
    for (const kind of Object.values(ImportKind)) {
      const names = COLUMNS[kind].flatMap((spec) => spec.names.map(normalizeHeader));
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    }
  });
});

describe('reading CSV', () => {
  it('numbers rows as an editor shows them, across blank lines and cells spanning lines', async () => {
    const text =
      '\uFEFFcode,name,address\r\nA,甲,"line one\r\nline two"\r\n\r\n,,\r\nB,"乙 ""quoted""",x\r\nC,丙,y';
    expect(await readTable('csv', Buffer.from(text, 'utf8'))).toEqual({
      headers: ['code', 'name', 'address'],
      rows: [
        { line: 2, cells: ['A', '甲', 'line one\nline two'] },
        { line: 6, cells: ['B', '乙 "quoted"', 'x'] },
        { line: 7, cells: ['C', '丙', 'y'] },
      ],
    });
  });

  it('reads a GB18030 file with semicolons, as Excel in China may save it', async () => {
    const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x3b, 0x41, 0x0a, 0xbc, 0xd7, 0x3b, 0x42]); // 客户;A\n甲;B
    expect(await readTable('csv', gbk)).toEqual({
      headers: ['客户', 'A'],
      rows: [{ line: 2, cells: ['甲', 'B'] }],
    });
  });

  it('refuses an unclosed quote with its line', async () => {
    await expect(readTable('csv', Buffer.from('a,b\n1,"2\n3,4\n'))).rejects.toMatchObject({ line: 2 });
  });
});
