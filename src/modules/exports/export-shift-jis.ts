import iconv from 'iconv-lite';
import { badRequest } from '../../server/errors';

// Shift_JIS as Excel on Japanese Windows reads it: code page 932 (Windows-31J), with NEC and
// IBM extensions (①, ㈱, 髙). What it cannot hold (𠮷, a variation selector after 葛, emoji,
// accented Latin letters) is never replaced by 「?」 or a look-alike: the export is refused,
// naming where, and the user chooses UTF-8 or XLSX instead.

/**
 * Characters of JIS X 0208 that Unicode names twice: typed on macOS or Linux they arrive as the
 * first, while code page 932 knows them by the second. Both are the same JIS character (〜 is
 * 0x8160 either way), so they are written with that code; Excel shows the CP932 form.
 */
const SAME_JIS_CHARACTER: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE
  '\u2212': '\uFF0D', // − MINUS SIGN
  '\u00A2': '\uFFE0', // ¢
  '\u00A3': '\uFFE1', // £
  '\u00AC': '\uFFE2', // ¬
  '\u2014': '\u2015', // — EM DASH
};
const SAME_JIS_PATTERN = new RegExp(`[${Object.keys(SAME_JIS_CHARACTER).join('')}]`, 'g');

const asCp932 = (text: string) => text.replace(SAME_JIS_PATTERN, (c) => SAME_JIS_CHARACTER[c] ?? c);

const fitsCache = new Map<number, boolean>();

function fitsCp932(codePoint: number): boolean {
  if (codePoint < 0x80) return true;
  const known = fitsCache.get(codePoint);
  if (known !== undefined) return known;
  const text = asCp932(String.fromCodePoint(codePoint));
  const fits = iconv.decode(iconv.encode(text, 'cp932'), 'cp932') === text;
  fitsCache.set(codePoint, fits);
  return fits;
}

const isVariationSelector = (cp: number) =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** 「𠮷」（U+20BB7） or 「葛󠄀」（葛 に続く異体字セレクタ U+E0100）. */
function describe(grapheme: string): string {
  const points = Array.from(grapheme, (c) => c.codePointAt(0) ?? 0);
  const parts = points
    .filter((cp) => !fitsCp932(cp))
    .map((cp) => {
      if (!isVariationSelector(cp)) return hex(cp);
      const base = points[0] === cp ? '' : `${String.fromCodePoint(points[0] ?? 0)} に続く`;
      return `${base}異体字セレクタ ${hex(cp)}`;
    });
  return `「${grapheme}」（${parts.join('、')}）`;
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** The graphemes of a text that code page 932 cannot hold. */
function outside(text: string): string[] {
  let plain = true;
  for (const c of text) {
    if (!fitsCp932(c.codePointAt(0) ?? 0)) {
      plain = false;
      break;
    }
  }
  if (plain) return [];
  return Array.from(graphemes.segment(text), (s) => s.segment).filter((g) =>
    Array.from(g).some((c) => !fitsCp932(c.codePointAt(0) ?? 0)),
  );
}

export type SheetText = { labels: string[]; lines: string[][] };

const MAX_DETAILS = 20;

/** Refuses with NOT_IN_SHIFT_JIS, naming the row, the column and the character of each place. */
export function requireShiftJis({ labels, lines }: SheetText): void {
  const found: { path: string; message: string }[] = [];
  const scan = (cells: string[], line: number) => {
    cells.forEach((cell, i) => {
      const label = labels[i] ?? '';
      for (const g of outside(cell))
        found.push({ path: `${line}行目・${label}`, message: `${line}行目の「${label}」の${describe(g)}` });
    });
  };
  scan(labels, 1);
  for (const [i, cells] of lines.entries()) scan(cells, i + 2);
  const [first] = found;
  if (!first) return;
  const where =
    found.length === 1 ? `${first.message}です` : `${found.length}か所あり、最初は${first.message}です`;
  throw badRequest(
    'NOT_IN_SHIFT_JIS',
    `Shift_JIS では書き出せない文字があります。${where}（見出しを1行目と数えます）。` +
      '文字を置き換えずに書き出すため、「CSV（UTF-8・Excel対応）」か「Excel（.xlsx）」を選んでください。',
    found.slice(0, MAX_DETAILS),
  );
}

/** The CSV text in code page 932; call requireShiftJis first. */
export const encodeShiftJis = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(iconv.encode(asCp932(text), 'cp932'));
