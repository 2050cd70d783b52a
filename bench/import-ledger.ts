// A made-up ledger as a municipality keeps it (kintone or Excel): a person per row, households by
// 世帯番号, a consultation on each household's first row, birth dates in 和暦 (S50.4.1).
// Deterministic: the same file on every run. Every name is composed of common parts.
import { now } from '../src/server/clock';
import { addDays, formatWestern } from '../src/shared/dates';

const FAMILY = ['佐藤', '鈴木', '髙橋', '田中', '渡邉', '山本', '中村', '小林', '吉田', '山田', '斎藤', '林'];
const FAMILY_KANA = [
  'サトウ',
  'スズキ',
  'タカハシ',
  'タナカ',
  'ワタナベ',
  'ヤマモト',
  'ナカムラ',
  'コバヤシ',
  'ヨシダ',
  'ヤマダ',
  'サイトウ',
  'ハヤシ',
];
const STEMS = ['健', '和', '正', '幸', '信', '秀', '康', '直', '春', '智', '浩', '裕'];
const STEMS_KANA = [
  'ケン',
  'カズ',
  'マサ',
  'ユキ',
  'ノブ',
  'ヒデ',
  'ヤス',
  'ナオ',
  'ハル',
  'トモ',
  'ヒロ',
  'ユウ',
];
const ENDINGS = ['一', '二', '太', '介', '也', '樹', '子', '美', '香', '恵'];
const ENDINGS_KANA = ['イチ', 'ジ', 'タ', 'スケ', 'ヤ', 'キ', 'コ', 'ミ', 'カ', 'エ'];
const RELATIONS = ['本人', '妻', '長男'];
const CHANNELS = ['来所', '電話', '訪問', '関係機関から'];
const ISSUES = ['生活困窮', '介護', 'ひきこもり、8050問題', '子育て不安', '就労（働けない・続かない）'];

function wareki(day: Date): string {
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  if (y < 1989) return `S${y - 1925}.${m}.${d}`;
  return `H${y - 1988}.${m}.${d}`;
}

/** A deterministic ledger: the same file on every run (its own seeded generator). */
export function ledger(count: number): string {
  // mulberry32: integer arithmetic throughout, so the sequence does not lose precision
  let seed = 20_260_401;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const index = (length: number) => Math.floor(random() * length);
  const lines = ['世帯番号,続柄,氏名,フリガナ,生年月日,性別,住所,電話番号,相談日,相談経路,相談内容,課題'];
  const today = formatWestern(now());
  let household = 0;
  let member = 0;
  let size = 1;
  let f = 0;
  for (let i = 0; i < count; i++) {
    if (member >= size) {
      household++;
      member = 0;
      size = 1 + (household % 3);
      f = index(FAMILY.length);
    }
    const stem = index(STEMS.length);
    const ending = index(ENDINGS.length);
    // 1935–2004, written in 和暦 as offices do (S50.4.1)
    const birth = wareki(new Date(Date.UTC(1935, 0, 1) + index(25_500) * 86_400_000));
    const first = member === 0;
    lines.push(
      [
        `H${household}`,
        RELATIONS[member] ?? 'その他',
        `${FAMILY[f]} ${STEMS[stem]}${ENDINGS[ending]}`,
        `${FAMILY_KANA[f]} ${STEMS_KANA[stem]}${ENDINGS_KANA[ending]}`,
        birth,
        i % 2 ? '女' : '男',
        `つなぐ市桜台${1 + (household % 5)}-${1 + (household % 30)}`,
        `090-${String(1000 + Math.floor(i / 10_000))}-${String(i % 10_000).padStart(4, '0')}`,
        first ? addDays(today, -(i % 300)).replace(/-/g, '/') : '',
        first ? (CHANNELS[i % CHANNELS.length] ?? '来所') : '',
        first ? '生活のことで相談したい' : '',
        first ? `"${ISSUES[i % ISSUES.length]}"` : '',
      ].join(','),
    );
    member++;
  }
  return `${lines.join('\r\n')}\r\n`;
}
