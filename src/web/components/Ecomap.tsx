import type { HouseholdView } from '../../modules/households/households.schemas';
import { type ReferralStatus, referralStatusLabel } from '../../shared/intake-vocabulary';
import { personName } from '../lib/labels';

// Ecomap: the household in the middle, the organisations involved around it, and the tie
// drawn by its quality: strong (thick line), weak (dashed), stressful (line with hatches).

export type Tie = 'strong' | 'weak' | 'stressful';
export type Party = { name: string; tie: Tie; note: string };

const TIE_BY_STATUS: Record<ReferralStatus, Tie | null> = {
  draft: null,
  requested: 'weak',
  accepted: 'strong',
  in_progress: 'strong',
  completed: 'strong',
  declined: 'stressful',
  unsuccessful: 'stressful',
  cancelled: null,
};
const RANK: Record<Tie, number> = { strong: 3, stressful: 2, weak: 1 };

function partiesOf(household: HouseholdView): Party[] {
  const parties = new Map<string, Party>();
  const add = (name: string | null, tie: Tie, note: string) => {
    if (!name) return;
    const existing = parties.get(name);
    if (!existing || RANK[tie] > RANK[existing.tie]) parties.set(name, { name, tie, note });
  };
  for (const c of household.consultations) add(c.organisationName, 'strong', '相談を受けた機関');
  for (const r of household.referrals) {
    const tie = TIE_BY_STATUS[r.status];
    if (tie)
      add(
        r.toOrganisationName,
        tie,
        r.toExternal
          ? `外部・${referralStatusLabel(r.status, true)}`
          : tie === 'weak'
            ? 'つなぎの受理待ち'
            : tie === 'stressful'
              ? '辞退・不調'
              : 'つなぎ先',
      );
  }
  return [...parties.values()];
}

const WIDTH = 680;
const HEIGHT = 440;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;

function tiePath(x1: number, y1: number, x2: number, y2: number, tie: Tie) {
  if (tie !== 'stressful') return null;
  const marks: string[] = [];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  const [ux, uy] = [dx / length, dy / length];
  for (let t = 0.3; t <= 0.7; t += 0.1) {
    const mx = x1 + dx * t;
    const my = y1 + dy * t;
    marks.push(`M${mx - uy * 7},${my + ux * 7} L${mx + uy * 7},${my - ux * 7}`);
  }
  return marks.join(' ');
}

/**
 * A label in at most two lines of `per` characters (an ellipsis past that), to stay inside its
 * shape: broken before a bracket or after a ・ when one falls in the first line, so that a name
 * is not cut in the middle of a word.
 */
function labelLines(text: string, per: number): string[] {
  const chars = Array.from(text);
  if (chars.length <= per) return [text];
  const natural = chars.findLastIndex((c, i) => i <= per && i >= 3 && (c === '（' || chars[i - 1] === '・'));
  // otherwise halves, so that no line is left with one or two characters (センタ／ー)
  const cut = natural > 0 ? natural : Math.min(per, Math.ceil(chars.length / 2));
  const rest = chars.slice(cut);
  return [
    chars.slice(0, cut).join(''),
    rest.length > per ? `${rest.slice(0, per - 1).join('')}…` : rest.join(''),
  ];
}

/** The whole text in lines of at most `per` characters, as even as can be (北部地域包括／支援センター). */
function evenLines(text: string, per: number): string[] {
  const chars = Array.from(text);
  const count = Math.ceil(chars.length / per);
  const size = Math.ceil(chars.length / count);
  return Array.from({ length: count }, (_, i) => chars.slice(i * size, (i + 1) * size).join(''));
}

/** A party's name and note on the whiteboard: large, wrapped, never cut, centred in its shape. */
function LargePartyText({ x, y, party }: { x: number; y: number; party: Party }) {
  const name = evenLines(party.name, 9).map((text) => ({ text, size: 24, height: 27 }));
  const note = evenLines(party.note, 10).map((text) => ({ text, size: 21, height: 24 }));
  const lines = [...name, ...note];
  const total = lines.reduce((sum, l) => sum + l.height, 0);
  let top = y - total / 2;
  return lines.map((line, n) => {
    top += line.height;
    return (
      <text
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label, in order, never reordered
        key={n}
        x={x}
        y={top - 5}
        textAnchor="middle"
        fontSize={line.size}
        fill={n < name.length ? undefined : '#495057'}
      >
        {line.text}
      </text>
    );
  });
}

const clip = (text: string, per: number) => {
  const chars = Array.from(text);
  return chars.length > per ? `${chars.slice(0, per - 1).join('')}…` : text;
};

/** An agency on the team of a case (the partners without a login marked 外部). */
export type TeamParty = {
  organisationName: string | null;
  role: string;
  isLead: boolean;
  external?: boolean;
};

/** The team drawn as strong ties, each noted with its role (主担当, 外部). */
export function teamParties(team: TeamParty[], prefix = ''): Party[] {
  return team.flatMap((m) =>
    m.organisationName
      ? [
          {
            name: m.organisationName,
            tie: 'strong' as const,
            note: m.isLead ? `主担当・${m.role}` : m.external ? `外部・${m.role}` : `${prefix}${m.role}`,
          },
        ]
      : [],
  );
}

export function Ecomap({ household, team = [] }: { household: HouseholdView; team?: TeamParty[] }) {
  const onTeam = teamParties(team, 'チーム・');
  const teamNames = new Set(onTeam.map((p) => p.name));
  return (
    <EcomapDrawing
      name={household.name}
      memberNames={household.members.map((m) => personName(m.person))}
      parties={[...onTeam, ...partiesOf(household).filter((p) => !teamNames.has(p.name))]}
    />
  );
}

/** The drawing itself, for any set of parties (a meeting's whiteboard draws the team). */
export function EcomapDrawing({
  name,
  memberNames: names,
  parties,
  legend = '凡例：太線＝強い関わり　破線＝弱い関わり（受理待ち）　斜線入り＝ストレスのある関係（辞退・不調）',
  large = false,
}: {
  name: string;
  memberNames: string[];
  parties: Party[];
  legend?: string;
  /** For the whiteboard: drawn as large as its place, names wrapped (never cut), larger letters. */
  large?: boolean;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: large ? undefined : WIDTH }}
        role="img"
        aria-labelledby="ecomap-title"
      >
        <title id="ecomap-title">
          エコマップ：{name}と、
          {parties.map((p) => `${p.name}（${p.note}）`).join('、') || '関わる機関なし'}
        </title>
        {parties.map((party, i) => {
          const angle = (2 * Math.PI * i) / Math.max(parties.length, 1) - Math.PI / 2;
          const x = CX + Math.cos(angle) * 218;
          const y = CY + Math.sin(angle) * 150;
          const hatches = tiePath(CX, CY, x, y, party.tie);
          const lines = labelLines(party.name, 11);
          return (
            <g key={party.name}>
              <line
                x1={CX}
                y1={CY}
                x2={x}
                y2={y}
                stroke="#212529"
                strokeWidth={party.tie === 'strong' ? 4 : 1.5}
                strokeDasharray={party.tie === 'weak' ? '8 6' : undefined}
              />
              {hatches && <path d={hatches} stroke="#c92a2a" strokeWidth={2} />}
              <ellipse
                cx={x}
                cy={y}
                rx={large ? 128 : 120}
                ry={large ? 66 : 46}
                fill="#fff"
                stroke="#212529"
              />
              {large ? (
                <LargePartyText x={x} y={y} party={party} />
              ) : (
                <>
                  {lines.map((line, n) => (
                    <text
                      key={line}
                      x={x}
                      y={y - (lines.length === 1 ? 0 : 14) + n * 22}
                      textAnchor="middle"
                      fontSize={19}
                    >
                      {line}
                    </text>
                  ))}
                  <text
                    x={x}
                    y={y + (lines.length === 1 ? 24 : 32)}
                    textAnchor="middle"
                    fontSize={15}
                    fill="#495057"
                  >
                    {clip(party.note, 14)}
                  </text>
                </>
              )}
            </g>
          );
        })}
        <circle cx={CX} cy={CY} r={84} fill="#ffe8cc" stroke="#212529" strokeWidth={2} />
        {labelLines(name, 7).map((line, n, all) => (
          <text
            key={line}
            x={CX}
            y={CY - (all.length === 1 ? 6 : 20) + n * 22}
            textAnchor="middle"
            fontSize={large ? 26 : 21}
            fontWeight={700}
          >
            {line}
          </text>
        ))}
        <text x={CX} y={CY + 30} textAnchor="middle" fontSize={large ? 21 : 15}>
          {clip(names.slice(0, 2).join('・') + (names.length > 2 ? ' ほか' : ''), 9)}
        </text>
      </svg>
      <figcaption style={{ fontSize: large ? 24 : 14 }}>{legend}</figcaption>
    </figure>
  );
}
