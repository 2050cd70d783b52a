import type { HouseholdView } from '../../modules/households/households.schemas';
import { personName } from '../lib/labels';

// Genogram in standard notation: square = male, circle = female, diamond = other/unknown,
// a cross over the deceased, a line between partners (double slash when ended), child lines
// from the partners' midpoint, and a dashed boundary around those living together.

const SIZE = 36;
const GAP_X = 150;
const GAP_Y = 140;
/** Below a symbol's name label: lines start here so that they never cross the text. */
const LABEL_BOTTOM = SIZE / 2 + 36;

/** What the drawing needs of a household (the household page, or a meeting packet). */
type Member = {
  person: Pick<
    HouseholdView['members'][number]['person'],
    'id' | 'familyName' | 'givenName' | 'gender' | 'isDeceased'
  >;
  relation: string | null;
  livesTogether: boolean;
};
type Relationship = Omit<HouseholdView['relationships'][number], 'kind'> & {
  kind: HouseholdView['relationships'][number]['kind'] | string;
};
export type GenogramHousehold = { members: Member[]; relationships: Relationship[] };

/** The symbol: from the recorded gender, else from a 続柄 that states it (長男, 母…), else ◇. */
const shapeOf = (gender: string | null, relation: string | null) => {
  const g = (gender ?? '').trim();
  if (/^(男|男性|male|m)$/i.test(g)) return 'square';
  if (/^(女|女性|female|f)$/i.test(g)) return 'circle';
  const r = (relation ?? '').trim();
  if (/^((長|次|三|四|末)?男|息子|父|夫|兄|弟|祖父|孫息子)$/.test(r)) return 'square';
  if (/^((長|次|三|四|末)?女|娘|母|妻|姉|妹|祖母|孫娘)$/.test(r)) return 'circle';
  return 'diamond';
};

const CHILD = /^(長|次|三|四|末)?(男|女)$|^(子|息子|娘)$/;
const PARENT = /^(父|母)$/;
const SPOUSE = /^(夫|妻|配偶者)$/;
const SIBLING = /^(兄|弟|姉|妹)$/;

/**
 * The ties the household's 続柄 already states (relative to 本人), for the pairs that have no
 * recorded relationship: a household with 本人 and 長男 shows the parent–child line at once.
 */
export function tiesFromRelations(members: Member[], recorded: Relationship[]): Relationship[] {
  const self = members.find((m) => m.relation === '本人')?.person.id;
  if (!self) return [];
  const tied = new Set(
    recorded.flatMap((r) => [`${r.personAId}:${r.personBId}`, `${r.personBId}:${r.personAId}`]),
  );
  const ties: Relationship[] = [];
  for (const m of members) {
    const other = m.person.id;
    const relation = (m.relation ?? '').trim();
    if (other === self || tied.has(`${self}:${other}`)) continue;
    const tie = (kind: string, a: string, b: string) =>
      ties.push({ id: `derived-${a}-${b}`, personAId: a, personBId: b, kind, ended: false });
    if (CHILD.test(relation)) tie('parent_child', self, other);
    else if (PARENT.test(relation)) tie('parent_child', other, self);
    else if (SPOUSE.test(relation)) tie('spouse', self, other);
    else if (relation === 'パートナー') tie('partner', self, other);
    else if (SIBLING.test(relation)) tie('sibling', self, other);
  }
  return ties;
}

function generations(members: Member[], relationships: Relationship[]) {
  const level = new Map<string, number>(members.map((m) => [m.person.id, 0]));
  // Children sit one row below their parents; partners share a row. A few passes settle it.
  for (let pass = 0; pass < members.length + 1; pass++) {
    for (const r of relationships) {
      const a = level.get(r.personAId);
      const b = level.get(r.personBId);
      if (a === undefined || b === undefined) continue;
      if (r.kind === 'parent_child' && b <= a) level.set(r.personBId, a + 1);
      if ((r.kind === 'spouse' || r.kind === 'partner' || r.kind === 'sibling') && a !== b) {
        const top = Math.max(a, b);
        level.set(r.personAId, top);
        level.set(r.personBId, top);
      }
    }
  }
  return level;
}

export function Genogram({
  household,
  large = false,
  maxScale = 2,
}: {
  household: GenogramHousehold;
  /** For the whiteboard: larger names, drawn up to `maxScale` times its size. */
  large?: boolean;
  maxScale?: number;
}) {
  const { members } = household;
  if (members.length === 0) return null;
  const relationships = [...household.relationships, ...tiesFromRelations(members, household.relationships)];
  const level = generations(members, relationships);
  const rows = new Map<number, Member[]>();
  for (const m of members) {
    const row = level.get(m.person.id) ?? 0;
    rows.set(row, [...(rows.get(row) ?? []), m]);
  }
  const position = new Map<string, { x: number; y: number }>();
  for (const [row, list] of rows) {
    for (const [i, m] of list.entries())
      position.set(m.person.id, { x: 70 + i * GAP_X, y: 50 + row * GAP_Y });
  }
  const width = Math.max(...[...rows.values()].map((l) => l.length)) * GAP_X + 40;
  const height = rows.size * GAP_Y + 30;
  const together = members
    .filter((m) => m.livesTogether)
    .map((m) => position.get(m.person.id))
    .filter((p) => p !== undefined);
  // wide enough for the names under the symbols, which are wider than the symbols
  // the whiteboard's larger names need a wider box
  const widen = large ? 24 : 0;
  const box = together.length
    ? {
        x: Math.min(...together.map((p) => p.x)) - GAP_X / 2 + 8 - widen,
        y: Math.min(...together.map((p) => p.y)) - SIZE,
        w:
          Math.max(...together.map((p) => p.x)) -
          Math.min(...together.map((p) => p.x)) +
          GAP_X -
          16 +
          widen * 2,
        h: Math.max(...together.map((p) => p.y)) - Math.min(...together.map((p) => p.y)) + SIZE * 2 + 18,
      }
    : null;

  return (
    <svg
      viewBox={large ? `-30 0 ${width + 60} ${height}` : `0 0 ${width} ${height}`}
      width="100%"
      // on the whiteboard up to maxScale times its size (a household of one would fill the wall)
      style={{ maxWidth: large ? width * maxScale : width }}
      role="img"
      aria-labelledby="genogram-title"
    >
      <title id="genogram-title">
        ジェノグラム：{members.map((m) => `${personName(m.person)}（${m.relation}）`).join('、')}
      </title>
      {box && (
        <rect
          x={box.x}
          y={box.y}
          width={box.w}
          height={box.h}
          rx={12}
          fill="none"
          stroke="#495057"
          strokeDasharray="6 4"
        />
      )}
      {relationships.map((r) => {
        const a = position.get(r.personAId);
        const b = position.get(r.personBId);
        if (!a || !b) return null;
        if (r.kind === 'parent_child') {
          return (
            <path
              key={r.id}
              d={`M${a.x},${a.y + LABEL_BOTTOM} V${(a.y + LABEL_BOTTOM + b.y - SIZE / 2) / 2} H${b.x} V${b.y - SIZE / 2}`}
              fill="none"
              stroke="#212529"
            />
          );
        }
        // partners and siblings: a line between the symbols at their middle, clear of the labels
        const [left, right] = a.x <= b.x ? [a, b] : [b, a];
        const mid = (left.x + right.x) / 2;
        return (
          <g key={r.id} stroke="#212529">
            <line
              x1={left.x + SIZE / 2}
              y1={left.y}
              x2={right.x - SIZE / 2}
              y2={right.y}
              strokeDasharray={r.kind === 'partner' ? '4 3' : r.kind === 'sibling' ? '2 3' : undefined}
            />
            {r.ended && <path d={`M${mid - 6},${left.y + 8} l8,-16 M${mid},${left.y + 8} l8,-16`} />}
          </g>
        );
      })}
      {members.map((m) => {
        const p = position.get(m.person.id);
        if (!p) return null;
        const shape = shapeOf(m.person.gender, m.relation);
        const key = m.relation === '本人';
        const common = { fill: key ? '#ffe8cc' : '#fff', stroke: '#212529', strokeWidth: key ? 3 : 1.5 };
        return (
          <g key={m.person.id}>
            {shape === 'square' && (
              <rect x={p.x - SIZE / 2} y={p.y - SIZE / 2} width={SIZE} height={SIZE} {...common} />
            )}
            {shape === 'circle' && <circle cx={p.x} cy={p.y} r={SIZE / 2} {...common} />}
            {shape === 'diamond' && (
              <polygon
                points={`${p.x},${p.y - SIZE / 2} ${p.x + SIZE / 2},${p.y} ${p.x},${p.y + SIZE / 2} ${p.x - SIZE / 2},${p.y}`}
                {...common}
              />
            )}
            {m.person.isDeceased && (
              <path
                d={`M${p.x - SIZE / 2},${p.y - SIZE / 2} L${p.x + SIZE / 2},${p.y + SIZE / 2} M${p.x + SIZE / 2},${p.y - SIZE / 2} L${p.x - SIZE / 2},${p.y + SIZE / 2}`}
                stroke="#212529"
                strokeWidth={2}
              />
            )}
            <text
              x={p.x}
              y={p.y + SIZE / 2 + (large ? 32 : 28)}
              textAnchor="middle"
              fontSize={large ? 18 : 13}
            >
              {personName(m.person)}（{m.relation}）
            </text>
          </g>
        );
      })}
    </svg>
  );
}
