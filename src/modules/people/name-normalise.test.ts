import { describe, expect, it } from 'vitest';
import { kanaKey, nameKey, phoneKey } from './name-normalise';

describe('name keys for 名寄せ and search', () => {
  it('folds 斉藤/齋藤/斎藤/齊藤 together', () => {
    const keys = ['斉藤', '齋藤', '斎藤', '齊藤'].map(nameKey);
    expect(new Set(keys).size).toBe(1);
  });

  it('folds 高橋/髙橋, 渡辺/渡邊/渡邉, 山崎/山﨑, 島田/嶋田, 浜田/濵田, 吉田/𠮷田', () => {
    for (const group of [
      ['高橋', '髙橋'],
      ['渡辺', '渡邊', '渡邉'],
      ['山崎', '山﨑'],
      ['島田', '嶋田'],
      ['浜田', '濵田', '濱田'],
      ['吉田', '𠮷田'],
    ]) {
      expect(new Set(group.map(nameKey)).size, group.join('/')).toBe(1);
    }
  });

  it('unifies half-width, full-width, katakana and hiragana, and ignores spaces', () => {
    const keys = ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ　タロウ', 'やまだたろう', 'ヤマダ・タロウ'].map(kanaKey);
    expect(new Set(keys).size).toBe(1);
    expect(nameKey('山田　太郎')).toBe(nameKey('山田 太郎'));
    expect(nameKey('山田太郎')).toBe(nameKey('山田 太郎'));
  });

  it('strips ideographic variation selectors (IVS)', () => {
    expect(nameKey('葛\u{E0100}西')).toBe(nameKey('葛西'));
    expect(nameKey('辻\uFE00')).toBe(nameKey('辻'));
  });

  it('folds small kana in readings', () => {
    expect(kanaKey('キョウコ')).toBe(kanaKey('キヨウコ'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('佐藤')).not.toBe(nameKey('斉藤'));
    expect(kanaKey('サトウ')).not.toBe(kanaKey('サイトウ'));
  });

  it('reduces phone numbers to digits', () => {
    expect(phoneKey('０９０（１２３４）５６７８')).toBe('09012345678');
    expect(phoneKey('090-1234-5678')).toBe('09012345678');
  });
});
