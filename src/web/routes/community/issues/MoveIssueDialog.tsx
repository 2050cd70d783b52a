import { Autocomplete, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { RegionalIssue } from '../../../../modules/community/regional-issues.schemas';
import {
  PROPOSAL_BODIES,
  REGIONAL_ISSUE_STATUS_LABELS,
  type RegionalIssueStatus,
} from '../../../../shared/community-vocabulary';
import { formatWestern } from '../../../../shared/dates';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert';
import { FormButtons } from '../../../components/FormButtons';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { COMMUNITY_KEYS } from '../community-queries';

const FINAL: RegionalIssueStatus[] = ['resolved'];

/** A step of the issue: 協議中 names the body it was proposed to; 解決 cannot be undone. */
export function MoveIssueDialog({
  issue,
  to,
  onClose,
}: {
  issue: RegionalIssue;
  to: RegionalIssueStatus;
  onClose: () => void;
}) {
  const [on, setOn] = useState(formatWestern(new Date()));
  const [body, setBody] = useState(issue.proposedTo ?? '');
  const [note, setNote] = useState('');
  const move = useApiMutation(
    () =>
      api('POST', `/api/community/issues/${issue.id}/moves`, { version: issue.version, to, on, body, note }),
    {
      invalidate: COMMUNITY_KEYS,
      success: `「${REGIONAL_ISSUE_STATUS_LABELS[to]}」にしました。`,
      onDone: onClose,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    move.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={`「${REGIONAL_ISSUE_STATUS_LABELS[to]}」にする`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={move.error} />
          {FINAL.includes(to) && (
            <Text size="sm" c="red.9">
              解決とした地域課題は、状況を戻せません。続けて取り組む場合は「継続課題」にしてください。
            </Text>
          )}
          {to === 'under_discussion' && (
            <Autocomplete
              label="提起した協議の場（会議体）"
              required
              data-autofocus
              data={[...PROPOSAL_BODIES]}
              value={body}
              onChange={setBody}
              error={fieldError(move.error, 'body')}
            />
          )}
          <TextInput
            label={to === 'under_discussion' ? '提起した日' : '日付'}
            type="date"
            max={formatWestern(new Date())}
            required
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={fieldError(move.error, 'on')}
          />
          <Textarea
            label="メモ（協議の結果など）"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(move.error, 'note')}
          />
          <FormButtons onCancel={onClose} busy={move.isPending} label="記録する" />
        </Stack>
      </form>
    </Modal>
  );
}
