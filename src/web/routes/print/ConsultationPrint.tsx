import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Consultation } from '../../../modules/intake/intake.schemas';
import type { Person } from '../../../modules/people/people.schemas';
import { formatWareki, formatWarekiDateTime } from '../../../shared/dates';
import {
  BROUGHT_BY_LABELS,
  CHANNEL_LABELS,
  OUTCOME_LABELS,
  SHARE_CONSENT_LABELS,
} from '../../../shared/intake-vocabulary';
import { DEFAULT_ISSUES } from '../../../shared/issues';
import { ErrorAlert } from '../../components/ErrorAlert';
import { apiGet } from '../../lib/api';
import { personName } from '../../lib/labels';
import './print.css';
import { PrintSheet, Row } from './PrintSheet';

/** 相談受付票, in its two forms: with and without the person's consent to share. */
export function ConsultationPrint() {
  const { id } = useParams({ strict: false }) as { id: string };
  const consultation = useQuery({
    queryKey: ['consultation', id],
    queryFn: () => apiGet<Consultation>(`/api/consultations/${id}`),
  });
  const personId = consultation.data?.personId;
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => apiGet<Person>(`/api/people/${personId}`),
    enabled: Boolean(personId),
  });
  if (consultation.error) return <ErrorAlert error={consultation.error} title="相談受付票を表示できません" />;
  const c = consultation.data;
  if (!c || (personId && !person.data)) return null;
  const p = person.data;
  const consented = c.shareConsent === 'given';
  return (
    <PrintSheet
      title="相談受付票"
      subtitle={consented ? '（情報共有の同意あり）' : '（情報共有の同意なし：関係機関への提供不可）'}
    >
      <table>
        <tbody>
          <Row label="受付日時">{formatWarekiDateTime(c.receivedAt)}</Row>
          <Row label="受付機関">{c.organisationName}</Row>
          <Row label="経路・相談者">
            {CHANNEL_LABELS[c.channel]}／{BROUGHT_BY_LABELS[c.broughtBy]}
          </Row>
          <Row label="本人">
            {p ? personName(p) : '（氏名不明・匿名）'}
            {p?.familyNameKana && `（${[p.familyNameKana, p.givenNameKana].filter(Boolean).join(' ')}）`}
          </Row>
          <Row label="生年月日">
            {p?.birthDate ? formatWareki(`${p.birthDate}T00:00:00+09:00`) : (p?.ageBand ?? '')}
          </Row>
          <Row label="住所・電話">
            {p && !p.contactHidden ? [p.address, ...(p.phones ?? [])].filter(Boolean).join('　') : ''}
          </Row>
          <Row label="主訴">
            <div className="pre">{c.mainComplaint}</div>
          </Row>
          <Row label="課題（◎最優先）">
            <div className="issue-grid">
              {DEFAULT_ISSUES.map((issue) => (
                <span key={issue.code}>
                  {c.primaryIssue === issue.code ? '◎' : c.issues.includes(issue.code) ? '☑' : '□'}{' '}
                  {issue.label}
                </span>
              ))}
            </div>
          </Row>
          <Row label="緊急">{c.urgent ? `緊急　${c.urgencyNote ?? ''}` : '—'}</Row>
          <Row label="情報共有の同意">{SHARE_CONSENT_LABELS[c.shareConsent]}</Row>
          <Row label="対応の結果">{OUTCOME_LABELS[c.outcome]}</Row>
        </tbody>
      </table>
      <p className="print-footer">
        この票には個人情報が含まれます。取扱いに注意し、不要になったら所定の方法で廃棄してください。
      </p>
    </PrintSheet>
  );
}
