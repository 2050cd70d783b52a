import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { fiscalYearLabel, fiscalYearOf, formatWareki } from '../../../shared/dates';
import { EVALUATION_LABELS, FUNCTION_LABELS, METHOD_LABELS } from '../../../shared/program-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { yearHeader } from '../program/PlanTable';
import {
  figureText,
  type PlanView,
  planQuery,
  programsQuery,
  resultsQuery,
  unitSuffix,
} from '../program/program-queries';
import './print.css';

/** 年度計画 (A4 landscape), or the whole 実施計画: programs, targets and the plan table. */
export function ProgramPrint() {
  const { sheet } = useParams({ strict: false }) as { sheet: 'plan' | 'whole' };
  const year = fiscalYearOf(new Date());
  const plan = useQuery(planQuery());
  const results = useQuery(resultsQuery(year));
  const programs = useQuery({ ...programsQuery(year), enabled: sheet === 'whole' });
  const error = plan.error ?? results.error ?? programs.error;
  const title = plan.data?.plan?.title ?? '重層的支援体制整備事業実施計画';
  // the 事業内容 column only when some program has one
  const described = programs.data?.programs.some((p) => p.description) ?? false;
  return (
    <main className="print-page">
      <div className="print-toolbar">
        <button type="button" onClick={() => window.print()}>
          印刷する
        </button>
        <button type="button" onClick={() => window.close()}>
          閉じる
        </button>
      </div>
      <article className="print-sheet landscape">
        <h1>{sheet === 'plan' ? `${title} 年度計画` : title}</h1>
        <p className="print-subtitle">
          {sheet === 'plan' && plan.data?.plan
            ? `計画期間 ${yearHeader(plan.data.plan.firstYear)}〜${yearHeader(plan.data.plan.lastYear)}`
            : fiscalYearLabel(year)}
          　{formatWareki(new Date())}現在
        </p>
        <ErrorAlert error={error} title="印刷する内容を読み込めませんでした" />
        {sheet === 'whole' && programs.data && (
          <>
            <h2>1　事業の実施体制（{fiscalYearLabel(year)}）</h2>
            <table>
              <thead>
                <tr>
                  <th>区分</th>
                  <th>事業名</th>
                  {described && <th>事業内容</th>}
                  <th>実施方式</th>
                  <th>支援機関</th>
                  <th>所管課・人員</th>
                </tr>
              </thead>
              <tbody>
                {programs.data.programs.map((p) => (
                  <tr key={p.id}>
                    <td>{FUNCTION_LABELS[p.functionCode]}</td>
                    <td>{p.name}</td>
                    {described && <td className="muted">{p.description}</td>}
                    <td>
                      {p.methods.map((m) => METHOD_LABELS[m]).join('・')}
                      {p.operator ? `（${p.operator}）` : ''}
                    </td>
                    <td>
                      {p.agencies}
                      {p.agencyCount !== null ? ` ${p.agencyCount}か所` : ''}
                    </td>
                    <td>
                      {p.department}
                      {p.staffing ? `（${p.staffing}）` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>2　成果目標と実績（{fiscalYearLabel(year)}）</h2>
            {!results.data?.indicators.some((i) => i.target) && (
              <p>この年度の成果目標はまだ設定されていません。</p>
            )}
            <table>
              <thead>
                <tr>
                  <th>指標</th>
                  <th>数え方</th>
                  <th>目標</th>
                  <th>実績</th>
                  <th>達成率</th>
                </tr>
              </thead>
              <tbody>
                {(results.data?.indicators ?? [])
                  .filter((i) => i.target)
                  .map((i) => (
                    <tr key={i.key}>
                      <td>{i.label}</td>
                      <td className="muted">{i.definition}</td>
                      <td>
                        {i.target?.value}
                        {unitSuffix(i.unit)}
                      </td>
                      <td>{figureText(i)}</td>
                      <td>{i.achievement === null ? '—' : `${i.achievement}%`}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <h2>3　年度計画</h2>
          </>
        )}
        {plan.data?.plan && <PlanSheet view={{ ...plan.data, plan: plan.data.plan }} />}
        {plan.data && !plan.data.plan && <p>年度計画はまだ作られていません。</p>}
      </article>
    </main>
  );
}

function PlanSheet({ view }: { view: PlanView & { plan: NonNullable<PlanView['plan']> } }) {
  const { plan, items } = view;
  const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);
  const headings = [...new Set(items.map((i) => i.headingNo))];
  return (
    <table>
      <thead>
        <tr>
          <th style={{ width: '14%' }}>プロジェクト名</th>
          <th style={{ width: '20%' }}>取組</th>
          {years.map((y) => (
            <th key={y}>{yearHeader(y)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {headings.map((no) => {
          const group = items.filter((i) => i.headingNo === no);
          return group.map((item, index) => (
            <tr key={item.id}>
              {index === 0 && (
                <th rowSpan={group.length} scope="rowgroup">
                  ({no}) {item.heading}
                </th>
              )}
              <td>
                {item.label} {item.title}
              </td>
              {years.map((y) => {
                const cell = item.years.find((c) => c.fiscalYear === y);
                return (
                  <td key={y}>
                    {cell?.planned}
                    {cell?.progress && <div className="muted">進捗：{cell.progress}</div>}
                    {cell?.evaluation && <div>【{EVALUATION_LABELS[cell.evaluation]}】</div>}
                  </td>
                );
              })}
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
