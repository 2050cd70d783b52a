import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Referral } from '../../../modules/referrals/referrals.schemas';
import { formatWareki, formatWarekiDateTime } from '../../../shared/dates';
import { referralStatusLabel } from '../../../shared/intake-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { apiGet } from '../../lib/api';
import { personName } from '../../lib/labels';
import './print.css';
import { PrintSheet, Row } from './PrintSheet';

/** つなぎ票 (the common referral form of 福生市), on A4. */
export function ReferralPrint() {
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useQuery({
    queryKey: ['referral', id],
    queryFn: () => apiGet<Referral>(`/api/referrals/${id}`),
  });
  if (query.error) return <ErrorAlert error={query.error} title="つなぎ票を表示できません" />;
  const r = query.data;
  if (!r) return null;
  const person = r.person;
  return (
    <PrintSheet
      title="つなぎ票"
      subtitle={`状態：${referralStatusLabel(r.status, r.toExternal)}　依頼日：${r.sentAt ? formatWareki(r.sentAt) : '未送信'}`}
    >
      <table>
        <tbody>
          <Row label="つないだ機関">{r.fromOrganisationName}</Row>
          <Row label="つなぎ先">
            {r.toOrganisationName}
            {r.toExternal && '（外部の関係機関）'}
            {r.partnerContact &&
              [
                r.partnerContact.contactPerson && `　担当：${r.partnerContact.contactPerson}`,
                r.partnerContact.phone && `　電話：${r.partnerContact.phone}`,
              ]
                .filter(Boolean)
                .join('')}
          </Row>
          <Row label="本人">
            {person ? personName(person) : r.personId ? '（氏名不明）' : '（本人の指定なし・世帯へのつなぎ）'}
            {person?.familyNameKana &&
              `（${[person.familyNameKana, person.givenNameKana].filter(Boolean).join(' ')}）`}
            {person?.birthDate && `　${formatWareki(`${person.birthDate}T00:00:00+09:00`)}生`}
          </Row>
          <Row label="連絡先">
            {!person
              ? '—'
              : person.contactHidden
                ? '本人の同意がないため記載しません'
                : [person.address, ...(person.phones ?? [])].filter(Boolean).join('　')}
          </Row>
          <Row label="情報共有の同意">
            {r.consentToShare ? '同意あり' : '同意なし（つなぎ票の内容のみ共有）'}
          </Row>
          <Row label="緊急度">{r.urgent ? '緊急' : '通常'}</Row>
          <Row label="主訴">
            <div className="pre">{r.mainComplaint}</div>
          </Row>
          <Row label="つなぐ理由">
            <div className="pre">{r.reason}</div>
          </Row>
          <Row label="これまでの対応">
            <div className="pre">{r.actionsTaken ?? ''}</div>
          </Row>
          {r.declineReason && (
            <Row label={r.toExternal ? '見送りの理由' : '辞退の理由'}>{r.declineReason}</Row>
          )}
          {r.outcome && <Row label="結果">{r.outcome}</Row>}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>経過</th>
            <th>日時・機関・担当</th>
          </tr>
        </thead>
        <tbody>
          {r.events.map((e) => (
            <tr key={`${e.at}-${e.toStatus}`}>
              <td>{referralStatusLabel(e.toStatus, r.toExternal)}</td>
              <td>
                {e.occurredOn && `${formatWareki(e.occurredOn)}のやりとり（記録：`}
                {formatWarekiDateTime(e.at)}
                {e.occurredOn && '）'}　{e.byOrganisationName}　{e.byUserName}
                {e.note && `：${e.note}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-footer">
        この票には個人情報が含まれます。取扱いに注意し、不要になったら所定の方法で廃棄してください。
      </p>
    </PrintSheet>
  );
}
