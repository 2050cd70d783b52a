import { and, asc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows, readTransaction } from '../../db/client';
import { fiscalYearOf } from '../../shared/dates';
import {
  FUNCTION_SHORT_LABELS,
  PILLAR_LABELS,
  PILLAR_OF,
  PILLARS,
  type Pillar,
} from '../../shared/program-vocabulary';
import { requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { today } from '../cases/case-common';
import { meetingBodies } from '../meetings/meetings.tables';
import {
  COUNTED_INDICATORS,
  CUSTOM_PREFIX,
  DERIVED_INDICATORS,
  type IndicatorDefinition,
  MEETING_BODY_PREFIX,
} from './indicator-catalogue';
import { monthlyCounts } from './indicator-counts';
import { type MonthPoint, monthSeries, ratioSeries, typedSeries } from './indicator-series';
import { customIndicators, programTargets, programYears } from './program.tables';

/** Months of the fiscal year that have begun (April = 1), as of today in Japan. */
export function monthsElapsed(fiscalYear: number, day = today()): number {
  const current = fiscalYearOf(day);
  if (fiscalYear < current) return 12;
  if (fiscalYear > current) return 0;
  const month = Number(day.slice(5, 7));
  return ((month + 8) % 12) + 1;
}

type Point = { month: number; value: number | null; inMonth: number | null; notEntered?: boolean };

export type IndicatorResult = IndicatorDefinition & {
  toDate: number | null;
  /** Why there is no number: fewer than 5 people, the year's population not given, nothing to divide by. */
  missing: 'suppressed' | 'needs_population' | 'nothing_yet' | null;
  months: Point[];
  target: { value: number; note: string | null; version: number } | null;
  targetId: string | null;
  achievement: number | null;
};

const fromSeries = (series: MonthPoint[]): Point[] =>
  series.map((p) => ({ month: p.month, value: p.toDate.count, inMonth: p.inMonth.count }));

const round1 = (n: number) => Math.round(n * 10) / 10;

async function populationOf(tx: Database, tenantId: string, fiscalYear: number): Promise<number | null> {
  const [typed] = await tx
    .select({ population: programYears.population })
    .from(programYears)
    .where(and(eq(programYears.tenantId, tenantId), eq(programYears.fiscalYear, fiscalYear)));
  if (typed?.population) return typed.population;
  const [summed] = await queryRows<{ n: number | null }>(
    tx,
    sql`select sum(p.population)::int as n from area_profiles p join areas a on a.id = p.area_id
         where p.tenant_id = ${tenantId} and p.fiscal_year = ${fiscalYear} and a.level = 'district'`,
  );
  return summed?.n ?? null;
}

/** The catalogue of the municipality: counted, per meeting body, derived and typed indicators. */
async function catalogueOf(tx: Database, tenantId: string) {
  const bodies = await tx
    .select({ id: meetingBodies.id, name: meetingBodies.name })
    .from(meetingBodies)
    .where(eq(meetingBodies.tenantId, tenantId))
    .orderBy(asc(meetingBodies.name));
  const customs = await tx
    .select()
    .from(customIndicators)
    .where(eq(customIndicators.tenantId, tenantId))
    .orderBy(asc(customIndicators.createdAt));
  const perBody: IndicatorDefinition[] = bodies.map((b) => ({
    key: `${MEETING_BODY_PREFIX}${b.id}`,
    label: `会議の開催回数（${b.name}）`,
    unit: '回',
    functions: ['5'],
    definition: `会議体「${b.name}」の開催済みの回数。開催日の月に数えます。`,
    aboutPeople: false,
  }));
  const typed: (IndicatorDefinition & { custom: true })[] = customs.map((c) => ({
    key: `${CUSTOM_PREFIX}${c.id}`,
    label: c.name,
    unit: c.unit as IndicatorDefinition['unit'],
    functions: c.functionCode ? [c.functionCode] : [],
    definition: `自治体が入力する指標: ${c.definition}`,
    aboutPeople: false,
    custom: true,
  }));
  return { bodies, perBody, typed };
}

/** 成果目標と実績: every indicator of the year, month by month, against its target. */
export async function programResults(db: Database, context: ActorContext, fiscalYear?: number) {
  requirePermission(context.actor, 'aggregates.read');
  const year = fiscalYear ?? fiscalYearOf(today());
  const tenantId = context.actor.tenantId;
  return readTransaction(db, async (tx) => {
    const { bodies, perBody, typed } = await catalogueOf(tx, tenantId);
    const elapsed = monthsElapsed(year);
    const [monthly, targets, population] = await Promise.all([
      monthlyCounts(
        tx,
        tenantId,
        year,
        bodies.map((b) => b.id),
      ),
      tx
        .select()
        .from(programTargets)
        .where(and(eq(programTargets.tenantId, tenantId), eq(programTargets.fiscalYear, year))),
      populationOf(tx, tenantId, year),
    ]);
    const series = new Map<string, MonthPoint[]>();
    const countedDefs = [...COUNTED_INDICATORS, ...perBody, ...typed];
    for (const def of [...COUNTED_INDICATORS, ...perBody, DERIVED_INDICATORS[0] as IndicatorDefinition]) {
      const months = (monthly.get(def.key) ?? []).map((n) => n ?? 0);
      series.set(def.key, monthSeries(months, elapsed, def.aboutPeople));
    }
    const points = new Map<string, Point[]>(
      [...series].map(([key, s]) => [key, fromSeries(s)] as [string, Point[]]),
    );
    for (const def of typed) points.set(def.key, typedSeries(monthly.get(def.key) ?? [], elapsed));
    const consultations = series.get('consultations.new') ?? [];
    points.set(
      'consultations.per100k',
      ratioSeries(consultations, consultations, (n, _d, month) =>
        population ? round1((n / month / population) * 100_000) : null,
      ).map((p) => ({ ...p, inMonth: null })),
    );
    points.set(
      'referrals.conclusion_rate',
      ratioSeries(series.get('referrals.concluded') ?? [], series.get('referrals.sent') ?? [], (n, d) =>
        d > 0 ? round1((n / d) * 100) : null,
      ).map((p) => ({ ...p, inMonth: null })),
    );
    const targetOf = new Map(targets.map((t) => [t.indicatorKey, t]));
    const indicators: IndicatorResult[] = [...countedDefs, ...DERIVED_INDICATORS].map((def) => {
      const months = points.get(def.key) ?? [];
      const last = months.at(-1);
      const toDate = elapsed === 0 ? 0 : (last?.value ?? null);
      const t = targetOf.get(def.key);
      const target = t ? { value: Number(t.target), note: t.note, version: t.version } : null;
      return {
        ...def,
        toDate,
        targetId: t?.id ?? null,
        missing: toDate !== null ? null : whyMissing(def.key, population, last, points),
        months,
        target,
        achievement:
          target && toDate !== null && target.value > 0 ? round1((toDate / target.value) * 100) : null,
      };
    });
    await recordAudit(tx, context, { action: 'program.read', detail: { fiscalYear: year, view: 'results' } });
    return {
      fiscalYear: year,
      monthsElapsed: elapsed,
      population,
      indicators,
      warnings: silentPillars(monthly, elapsed),
    };
  });
}

function whyMissing(
  key: string,
  population: number | null,
  last: Point | undefined,
  points: Map<string, Point[]>,
) {
  if (key === 'consultations.per100k' && !population) return 'needs_population';
  if (last === undefined) return 'nothing_yet';
  if (key === 'referrals.conclusion_rate' && points.get('referrals.sent')?.at(-1)?.value === 0)
    return 'nothing_yet';
  return 'suppressed';
}

/**
 * 今年度まだ記録のない機能: a pillar none of whose counted indicators has anything so far
 * (a zero identifies no one, so raw counts decide).
 */
function silentPillars(monthly: Map<string, (number | null)[]>, elapsed: number) {
  if (elapsed === 0) return [];
  const active = new Set<Pillar>();
  for (const def of COUNTED_INDICATORS) {
    const total = (monthly.get(def.key) ?? []).slice(0, elapsed).reduce((a: number, b) => a + (b ?? 0), 0);
    const first = def.functions[0];
    if (total > 0 && first) active.add(PILLAR_OF[first]);
  }
  return PILLARS.filter((p) => !active.has(p)).map((pillar) => ({
    pillar,
    message: `${PILLAR_LABELS[pillar]}（${functionsOf(pillar)}）の記録が今年度まだありません。`,
  }));
}

const functionsOf = (pillar: Pillar) =>
  Object.entries(PILLAR_OF)
    .filter(([, p]) => p === pillar)
    .map(([f]) => FUNCTION_SHORT_LABELS[f as keyof typeof FUNCTION_SHORT_LABELS])
    .join('・');
