import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Case } from '../../../modules/cases/cases.schemas';
import {
  ASSESSMENT_DOMAIN_LABELS,
  ASSESSMENT_DOMAINS,
  CASE_STATUS_LABELS,
  CLOSURE_REASON_LABELS,
  DECISION_KIND_LABELS,
  GOAL_RESULT_LABELS,
  NEXT_STEP_LABELS,
  PLAN_CONSENT_METHOD_LABELS,
  RECORD_TYPE_LABELS,
  URGENCY_LABELS,
} from '../../../shared/case-vocabulary';
import { formatWareki } from '../../../shared/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { organisationsQuery } from '../../lib/directory';
import { caseQuery } from '../cases/case-queries';
import './print.css';
import { PrintSheet, Row } from './PrintSheet';

const wareki = (date: string | null | undefined) =>
  date ? formatWareki(date.includes('T') ? date : `${date}T00:00:00+09:00`) : '';
const Pre = ({ text }: { text: string | null | undefined }) => (
  <div className="pre compact">{text ?? ''}</div>
);

function Household({ c }: { c: Case }) {
  return (
    <Row label="世帯（◎対象）">
      {c.householdName}：
      {c.members
        .map((m) => `${m.name}（${m.relationship ?? ''}・${m.age}）${m.concerned ? '◎' : ''}`)
        .join('、')}
    </Row>
  );
}

function Team({ c }: { c: Case }) {
  return (
    <Row label="チーム">
      {c.team
        .filter((m) => !m.leftOn)
        .map(
          (m) =>
            `${m.organisationName}${m.isLead ? '【主担当】' : ''}（${m.role}${m.userName ? `／${m.userName}` : ''}）`,
        )
        .join('、')}
    </Row>
  );
}

/** The plan in force (summary), or the newest version, which may await consent (plan sheet). */
function PlanTables({
  c,
  orgName,
  newest = false,
}: {
  c: Case;
  orgName: (id: string) => string;
  newest?: boolean;
}) {
  const plan = newest ? c.plan : (c.planInForce ?? c.plan);
  if (!plan) return <p>支援プランはまだ作成されていません。</p>;
  const goalOrder = (key: string | null) => plan.content.goals.findIndex((g) => g.key === key);
  return (
    <>
      <table>
        <tbody>
          <Row label="版">
            第{plan.version}版（作成 {wareki(plan.createdAt)}）
            {plan.approvedOn ? `　承認 ${wareki(plan.approvedOn)}（${plan.approvedBy}）` : '　未承認'}
          </Row>
          <Row label="目指す姿">
            <Pre text={plan.content.vision} />
          </Row>
          <Row label="課題（優先順）">
            {plan.content.issues.map((issue, i) => `${i + 1}. ${issue}`).join('　')}
          </Row>
          <Row label="モニタリング時期">{wareki(plan.reviewOn)}</Row>
          <Row label="本人・世帯の同意">
            {plan.consentOn
              ? `${wareki(plan.consentOn)}（${plan.consentMethod ? PLAN_CONSENT_METHOD_LABELS[plan.consentMethod] : ''}）`
              : 'なし'}
          </Row>
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>目標（期間）</th>
            <th>支援内容</th>
            <th>担当</th>
            <th style={{ width: '18mm' }}>頻度</th>
            <th style={{ width: '32mm' }}>期間</th>
          </tr>
        </thead>
        <tbody>
          {[...plan.content.actions]
            .sort((x, y) => goalOrder(x.goalKey) - goalOrder(y.goalKey))
            .map((a) => {
              const goal = plan.content.goals.find((g) => g.key === a.goalKey);
              return (
                <tr key={a.key}>
                  <td>{goal ? `${goal.text}（${goal.timeframe}）` : ''}</td>
                  <td>{a.text}</td>
                  <td>{orgName(a.organisationId)}</td>
                  <td>{a.frequency}</td>
                  <td>
                    {wareki(a.from)}〜{wareki(a.until)}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </>
  );
}

function AssessmentSheet({ c }: { c: Case }) {
  const a = c.assessment;
  if (!a) return <p>アセスメントはまだ記録されていません。</p>;
  const nameOf = (id: string) => a.content.composition.find((m) => m.personId === id)?.name ?? '';
  return (
    <>
      <table>
        <tbody>
          <Row label="世帯の構成">
            {a.content.composition.map((m) => `${m.name}（${m.relationship ?? ''}・${m.age}）`).join('、')}
          </Row>
        </tbody>
      </table>
      {a.content.members.map((m) => (
        <table key={m.personId}>
          <caption>{nameOf(m.personId)}さんの状況</caption>
          <tbody>
            {ASSESSMENT_DOMAINS.filter((d) => m.situations[d]).map((d) => (
              <Row key={d} label={ASSESSMENT_DOMAIN_LABELS[d]}>
                <Pre text={m.situations[d]} />
              </Row>
            ))}
          </tbody>
        </table>
      ))}
      <table>
        <tbody>
          <Row label="本人・世帯の思い">
            <Pre text={a.content.wishes} />
          </Row>
          <Row label="本人・世帯の力">
            <Pre text={a.content.strengths} />
          </Row>
          <Row label="地域の資源">
            <Pre text={a.content.resources} />
          </Row>
          <Row label="リスク">
            <Pre text={a.content.risks} />
          </Row>
          <Row label="緊急度">{URGENCY_LABELS[a.content.urgency]}</Row>
          <Row label="見立て">
            <Pre text={a.content.view} />
          </Row>
        </tbody>
      </table>
    </>
  );
}

function EvaluationSheet({ c }: { c: Case }) {
  const e = c.evaluation;
  if (!e) return <p>評価はまだ記録されていません。</p>;
  const goalText = (key: string) => c.planInForce?.content.goals.find((g) => g.key === key)?.text ?? '';
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>目標</th>
            <th>評価</th>
            <th>コメント</th>
          </tr>
        </thead>
        <tbody>
          {e.goals.map((g) => (
            <tr key={g.goalKey}>
              <td>{goalText(g.goalKey)}</td>
              <td>{GOAL_RESULT_LABELS[g.result]}</td>
              <td>{g.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <tbody>
          <Row label="総合評価">
            <Pre text={e.overall} />
          </Row>
          <Row label="次の方針">{NEXT_STEP_LABELS[e.nextStep]}</Row>
          <Row label="評価者">
            {e.organisationName}　{e.userName}
          </Row>
        </tbody>
      </table>
    </>
  );
}

function Summary({ c, orgName }: { c: Case; orgName: (id: string) => string }) {
  const records = c.timeline.filter((t) => t.kind === 'record').slice(0, 6);
  return (
    <>
      <table>
        <tbody>
          <Row label="概要">
            <Pre text={c.summary} />
          </Row>
          <Row label="段階">
            {CASE_STATUS_LABELS[c.status]}
            {c.closureReason && `（${CLOSURE_REASON_LABELS[c.closureReason]}）`}
          </Row>
          <Row label="開始・終結">
            {wareki(c.openedOn)}〜{wareki(c.closedOn)}
          </Row>
          <Row label="主担当">
            {c.leadOrganisationName}　{c.leadUserName ?? ''}
          </Row>
        </tbody>
      </table>
      <PlanTables c={c} orgName={orgName} />
      <table>
        <caption>決定の記録</caption>
        <tbody>
          {c.decisions.map((d) => (
            <Row key={d.id} label={`${wareki(d.decidedOn)} ${DECISION_KIND_LABELS[d.kind]}`}>
              {d.decidingBody}：{d.content}
            </Row>
          ))}
        </tbody>
      </table>
      <table>
        <caption>最近の支援経過（全{c.recordTotal}件のうち新しいもの）</caption>
        <tbody>
          {records.map((r) => (
            <Row
              key={r.key}
              label={`${wareki(r.at)} ${r.recordType ? RECORD_TYPE_LABELS[r.recordType] : ''}`}
            >
              {r.organisationName}：{r.detail}
            </Row>
          ))}
        </tbody>
      </table>
    </>
  );
}

const TITLES: Record<string, string> = {
  summary: '多機関協働事例の概要',
  assessment: 'アセスメントシート',
  plan: '重層的支援プラン',
  evaluation: '評価シート',
};

/** A4 sheets of a case: summary, assessment, plan, evaluation. */
export function CasePrint() {
  const { id, sheet } = useParams({ strict: false }) as { id: string; sheet: string };
  const query = useQuery(caseQuery(id));
  const organisations = useQuery(organisationsQuery);
  if (query.error) return <ErrorAlert error={query.error} title="帳票を表示できません" />;
  const c = query.data;
  if (!c) return null;
  const orgName = (orgId: string) => organisations.data?.find((o) => o.id === orgId)?.name ?? '';
  const subtitle =
    sheet === 'assessment' && c.assessment
      ? `第${c.assessment.version}版　${wareki(c.assessment.createdAt)}　${c.assessment.organisationName ?? ''}`
      : sheet === 'evaluation' && c.evaluation
        ? `評価日 ${wareki(c.evaluation.evaluatedOn)}　支援プラン第${c.evaluation.planVersion}版`
        : `印刷日 ${wareki(new Date().toISOString())}`;
  return (
    <PrintSheet title={TITLES[sheet] ?? '多機関協働事例'} subtitle={subtitle}>
      <table>
        <tbody>
          <Household c={c} />
          <Team c={c} />
        </tbody>
      </table>
      {sheet === 'assessment' && <AssessmentSheet c={c} />}
      {sheet === 'plan' && (
        <>
          <PlanTables c={c} orgName={orgName} newest />
          <table>
            <tbody>
              <Row label="本人・世帯の署名">
                <div className="signature">このプランの内容に同意します。　　年　　月　　日　署名</div>
              </Row>
            </tbody>
          </table>
        </>
      )}
      {sheet === 'evaluation' && <EvaluationSheet c={c} />}
      {sheet === 'summary' && <Summary c={c} orgName={orgName} />}
      <p className="print-footer">
        取扱注意：要配慮個人情報を含みます。目的外の利用・複写をしないでください。
      </p>
    </PrintSheet>
  );
}
