import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Session } from '../../../modules/meetings/meetings.schemas';
import { formatWareki, formatWarekiDateTime } from '../../../shared/dates';
import {
  ITEM_DECISION_TYPE_LABELS,
  LEGAL_BASIS_LABELS,
  TOPIC_KIND_LABELS,
} from '../../../shared/meeting-vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { sessionQuery } from '../meetings/meeting-queries';
import './print.css';
import { PrintSheet, Row } from './PrintSheet';

const wareki = (date: string) => formatWareki(`${date}T00:00:00+09:00`);

const itemTitle = (item: Session['items'][number]) =>
  item.kind === 'case'
    ? `事例：${item.caseTitle ?? ''}`
    : item.kind === 'outreach'
      ? `アウトリーチ（同意前）：${item.caseTitle ?? ''}`
      : `${item.topicKind ? TOPIC_KIND_LABELS[item.topicKind] : 'テーマ'}：${item.title ?? ''}`;

function Header({ s }: { s: Session }) {
  return (
    <table>
      <tbody>
        <Row label="会議体">
          {s.bodyName}
          {s.bodyName !== LEGAL_BASIS_LABELS[s.legalBasis] && `（${LEGAL_BASIS_LABELS[s.legalBasis]}）`}
        </Row>
        <Row label="日時・場所">
          {formatWarekiDateTime(s.startsAt)}　{s.place ?? ''}
          {s.online ? '（オンライン併用）' : ''}
        </Row>
        <Row label="出席者">
          {s.attendees.map((a) => `${a.name}${a.affiliation ? `（${a.affiliation}）` : ''}`).join('、')}
        </Row>
      </tbody>
    </table>
  );
}

/** A4: the agenda (次第), or the meeting record (会議録) with the decision list. */
export function MeetingPrint() {
  const { id, sheet } = useParams({ strict: false }) as { id: string; sheet: string };
  const query = useQuery(sessionQuery(id));
  if (query.error) return <ErrorAlert error={query.error} title="帳票を表示できません" />;
  const s = query.data;
  if (!s) return null;
  const items = s.items.filter((i) => !i.removedOn);
  const minutes = sheet === 'minutes';
  return (
    <PrintSheet
      title={`${s.bodyName}　${minutes ? '会議録' : '次第'}`}
      subtitle={formatWarekiDateTime(s.startsAt)}
    >
      <Header s={s} />
      <h2>{minutes ? '議題と検討の経過' : '議題'}</h2>
      <table>
        <tbody>
          {items.map((item, i) => (
            <Row key={item.id} label={`${i + 1}`}>
              <strong>{itemTitle(item)}</strong>
              {minutes && item.notes && <div className="pre compact">{item.notes}</div>}
            </Row>
          ))}
        </tbody>
      </table>
      {minutes && (
        <>
          {s.minutes && (
            <>
              <h2>全体の記録</h2>
              <div className="pre">{s.minutes}</div>
            </>
          )}
          <h2>決定一覧</h2>
          <table>
            <thead>
              <tr>
                <th style={{ width: '30%' }}>議題</th>
                <th style={{ width: '20%' }}>決定の種類</th>
                <th>内容</th>
              </tr>
            </thead>
            <tbody>
              {items.flatMap((item) =>
                item.decisions.map((d) => (
                  <tr key={d.id}>
                    <td>{itemTitle(item)}</td>
                    <td>{ITEM_DECISION_TYPE_LABELS[d.type]}</td>
                    <td>{d.content}</td>
                  </tr>
                )),
              )}
              {items.every((item) => item.decisions.length === 0) && (
                <tr>
                  <td colSpan={3}>決定の記録はありません。</td>
                </tr>
              )}
            </tbody>
          </table>
          <h2>宿題</h2>
          <table>
            <tbody>
              {s.actionItems.map((a) => (
                <Row key={a.id} label={a.ownerOrganisationName}>
                  {a.description}（期限 {wareki(a.dueOn)}）
                </Row>
              ))}
              {s.actionItems.length === 0 && <Row label="—">宿題はありません。</Row>}
            </tbody>
          </table>
        </>
      )}
      <p className="print-footer">
        取扱注意：要配慮個人情報を含みます。この会議の出席者の外に出さないでください。
      </p>
    </PrintSheet>
  );
}
