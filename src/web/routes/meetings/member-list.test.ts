import { describe, expect, it } from 'vitest';
import { parseMemberList, readMemberCsv } from './member-list';

describe('a list of members pasted or read from a CSV', () => {
  it('reads tabs from Excel, and commas or 「、」 when a line has no tab; skips the header', () => {
    const rows = parseMemberList(
      '氏名\t所属\t役職\n山田 太郎\t福祉部、地域福祉課\t課長\n佐藤 花子, 社会福祉協議会, 事務局長\n\n',
    );
    expect(rows.map(({ line: _line, ...r }) => r)).toEqual([
      { name: '山田 太郎', affiliation: '福祉部、地域福祉課', title: '課長' },
      { name: '佐藤 花子', affiliation: '社会福祉協議会', title: '事務局長' },
    ]);
  });

  it('reads a CSV saved by Excel in Shift_JIS, and one in UTF-8 with quoted cells and a BOM', async () => {
    // 「山田,課長」 in Shift_JIS
    const sjis = new Uint8Array([0x8e, 0x52, 0x93, 0x63, 0x2c, 0x2c, 0x89, 0xdb, 0x92, 0xb7, 0x0d, 0x0a]);
    expect(parseMemberList(await readMemberCsv(new File([sjis], 'members.csv')))).toMatchObject([
      { name: '山田', affiliation: null, title: '課長' },
    ]);
    const utf8 = '\uFEFF氏名,所属,役職\r\n"鈴木 一郎","つなぐ市 福祉部, 地域福祉課",主査\r\n';
    expect(parseMemberList(await readMemberCsv(new File([utf8], 'members.csv')))).toMatchObject([
      { name: '鈴木 一郎', affiliation: 'つなぐ市 福祉部, 地域福祉課', title: '主査' },
    ]);
  });
});
