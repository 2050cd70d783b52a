import { readFileSync } from 'node:fs';
import { projectFile } from '../../server/project-files';

// Keys for 名寄せ and search: the same person written 齋藤/斎藤/斉藤, ﾔﾏﾀﾞ/ヤマダ/やまだ or
// with and without spaces gets the same key.

// Name variants the Mozc table lacks. 斎 and 斉 are different characters, but records
// mix them up so often that they are folded together: matches are candidates, never merges.
const NAME_VARIANTS: Record<string, string> = {
  邉: '辺',
  邊: '辺',
  﨑: '崎',
  嵜: '崎',
  嶋: '島',
  嶌: '島',
  濵: '浜',
  濱: '浜',
  𠮷: '吉',
  髙: '高',
  齋: '斉',
  齊: '斉',
  斎: '斉',
  澤: '沢',
  櫻: '桜',
  廣: '広',
  國: '国',
  槇: '槙',
  冨: '富',
};

function loadVariantTable(): Map<string, string> {
  const table = new Map<string, string>();
  const text = readFileSync(projectFile('src/modules/people/data/itaiji.txt'), 'utf8');
  for (const line of text.split('\n')) {
    const [popular, variants] = line.split('\t');
    if (!popular || !variants) continue;
    for (const variant of variants.trim().split('/')) if (variant) table.set(variant, popular);
  }
  for (const [variant, popular] of Object.entries(NAME_VARIANTS)) table.set(variant, popular);
  // Fold the folded forms once more so that chains (齋 → 斎 → 斉) end in one character.
  for (const [variant, popular] of table) table.set(variant, table.get(popular) ?? popular);
  return table;
}

const VARIANTS = loadVariantTable();
const SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
const SEPARATORS = /[\s・･.,，、。()（）「」]/g;
const SMALL_KANA: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
};

const toHiragana = (s: string) =>
  s.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));

/** Key for names in kanji (or anything): NFKC, no spaces, kana unified, variant kanji folded. */
export function nameKey(value: string): string {
  const base = toHiragana(
    value.normalize('NFKC').replace(SELECTORS, '').replace(SEPARATORS, '').toLowerCase(),
  );
  return Array.from(base, (ch) => VARIANTS.get(ch) ?? ch).join('');
}

/** Key for readings (フリガナ): like nameKey, with small kana folded (キョウ = キヨウ). */
export function kanaKey(value: string): string {
  return nameKey(value).replace(/[ぁぃぅぇぉっゃゅょゎ]/g, (ch) => SMALL_KANA[ch] ?? ch);
}

/** Digits only: 090-1234-5678, ０９０（１２３４）５６７８ and 09012345678 are one phone. */
export function phoneKey(value: string): string {
  return value.normalize('NFKC').replace(/\D/g, '');
}

/**
 * Search grams of a key: every character and every pair of neighbouring characters.
 * Japanese names are short (佐藤, 林), too short for trigram indexes; a GIN index over these
 * grams finds any substring of two or more characters, and single characters too.
 */
export function searchGrams(...keys: string[]): string[] {
  const grams = new Set<string>();
  for (const key of keys) {
    const chars = Array.from(key);
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i] as string);
      if (i + 1 < chars.length) grams.add(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return [...grams];
}

/** The grams a query must all match: its pairs, or the character itself when it is one. */
export function queryGrams(key: string): string[] {
  const chars = Array.from(key);
  if (chars.length <= 1) return chars;
  return chars.slice(0, -1).map((ch, i) => `${ch}${chars[i + 1]}`);
}

/** Key for addresses: NFKC, no spaces, dash variants unified (1丁目2-3 = １丁目２−３). */
export function addressKey(value: string): string {
  return value.normalize('NFKC').replace(/\s/g, '').replace(/[‐―−]/g, '-').toLowerCase();
}

/** The same key computed by PostgreSQL, to recheck candidates found through the grams. */
export const ADDRESS_KEY_SQL = (column: string) =>
  `lower(translate(regexp_replace(normalize(${column}, NFKC), '\\s', '', 'g'), '‐―−', '---'))`;
