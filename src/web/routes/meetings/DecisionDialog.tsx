import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AgendaItem, Session } from '../../../modules/meetings/meetings.schemas';
import { CLOSURE_REASON_LABELS, CLOSURE_REASONS } from '../../../shared/case-vocabulary';
import {
  ITEM_DECISION_TYPE_LABELS,
  ITEM_DECISION_TYPES,
  type ItemDecisionType,
} from '../../../shared/meeting-vocabulary';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { useSessionChange } from './meeting-queries';

const CASE_ONLY: ItemDecisionType[] = ['plan_approval', 'plan_revision', 'closure_approval', 'role_split'];

const EFFECT: Partial<Record<ItemDecisionType, string>> = {
  plan_approval:
    '事例が「会議決定待ち」のとき、プランが承認され「支援中」に進みます（プランへの本人の同意の記録が必要です）。',
  plan_revision: '事例が「評価」のとき、「プラン作成」に戻り、プランを見直します。',
  closure_approval: '事例が「評価」のとき、終結します。つながり継続は事例のページで設定できます。',
};

/** 決定: recorded on the item; on a case it is also the case's decision record. */
export function DecisionDialog({
  session,
  item,
  onClose,
}: {
  session: Session;
  item: AgendaItem;
  onClose: () => void;
}) {
  const decide = useSessionChange(
    session.id,
    'POST',
    `/items/${item.id}/decisions`,
    '決定を記録しました。',
    onClose,
  );
  const types = ITEM_DECISION_TYPES.filter((t) => item.kind === 'case' || !CASE_ONLY.includes(t));
  const [type, setType] = useState<ItemDecisionType | null>(
    item.kind === 'case' ? 'plan_approval' : item.kind === 'outreach' ? 'support_policy' : 'regional_issue',
  );
  const [content, setContent] = useState('');
  const [closureReason, setClosureReason] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({
      body: { type, content, closureReason: type === 'closure_approval' ? closureReason : null },
    });
  };
  const effect = type ? EFFECT[type] : undefined;
  return (
    <Modal opened onClose={onClose} title={`決定を記録：${item.caseTitle ?? item.title ?? ''}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={decide.error} title="決定を記録できません" />
          <Select
            label="決定の種類"
            required
            allowDeselect={false}
            data={types.map((t) => ({ value: t, label: ITEM_DECISION_TYPE_LABELS[t] }))}
            value={type}
            onChange={(v) => setType(v as ItemDecisionType | null)}
          />
          {item.kind === 'case' && effect && (
            <Alert color="indigo" variant="light">
              {effect}
            </Alert>
          )}
          {type === 'closure_approval' && (
            <Select
              label="終結の理由"
              required
              data={CLOSURE_REASONS.filter((r) => r !== 'screened_out').map((r) => ({
                value: r,
                label: CLOSURE_REASON_LABELS[r],
              }))}
              value={closureReason}
              onChange={setClosureReason}
            />
          )}
          <Textarea
            label="決定の内容"
            required
            autosize
            minRows={3}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            error={fieldError(decide.error, 'content')}
            data-autofocus
          />
          <FormButtons onCancel={onClose} busy={decide.isPending} label="決定を記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
