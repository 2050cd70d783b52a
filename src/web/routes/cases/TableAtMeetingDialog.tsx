import { Alert, Anchor, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Case } from '../../../modules/cases/cases.schemas';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { bodiesQuery, caseSessionsQuery, sessionsQuery } from '../meetings/meeting-queries';

/**
 * After screening 「本人同意がなく支援会議で検討」: the coming sessions of the bodies that may meet
 * without consent (支援会議, 法第106条の6), to table the case at one of them.
 */
export function TableAtMeetingDialog({ caseData, onClose }: { caseData: Case; onClose: () => void }) {
  const queryClient = useQueryClient();
  const bodies = useQuery(bodiesQuery);
  const sessions = useQuery(sessionsQuery('upcoming'));
  const withoutConsent = new Set(
    (bodies.data?.items ?? []).filter((b) => !b.requiresConsent && !b.themesOnly).map((b) => b.id),
  );
  const choices = (sessions.data?.items ?? []).filter((s) => withoutConsent.has(s.bodyId));
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const table = async () => {
    if (!sessionId) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/meetings/sessions/${sessionId}/items`, { kind: 'case', caseId: caseData.id });
      await queryClient.invalidateQueries({ queryKey: ['meeting-sessions'] });
      const chosen = choices.find((s) => s.id === sessionId);
      notifications.show({
        color: 'teal',
        message: `「${chosen?.bodyName ?? '支援会議'}」の議題にしました。`,
      });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="支援会議の議題にする" size="lg">
      <Stack>
        <Text size="sm">
          本人の同意がないまま検討できるのは、構成員に守秘義務のある支援会議（社会福祉法第106条の6）だけです。議題にする会議を選んでください。
        </Text>
        <ErrorAlert error={error} title="議題にできませんでした" />
        {sessions.data && choices.length === 0 && (
          <Text size="sm">
            これからの支援会議が予定されていません。
            <Anchor component={Link} to="/meetings">
              会議
            </Anchor>
            で支援会議を予定してから、もう一度この画面を開いてください。
          </Text>
        )}
        {choices.length > 0 && (
          <Radio.Group value={sessionId} onChange={setSessionId} label="これからの支援会議" required>
            <Stack gap={6} mt={4}>
              {choices.map((s) => (
                <Radio
                  key={s.id}
                  value={s.id}
                  label={
                    <>
                      {s.bodyName}　<DateText value={s.startsAt} withTime />
                      {s.place ? `　${s.place}` : ''}
                    </>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            キャンセル
          </Button>
          <Button onClick={() => void table()} loading={busy} disabled={!sessionId}>
            議題にする
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 次にすること after screening for a 支援会議: table the case, or where it is tabled already. */
export function SupportMeetingNotice({ caseData, onTable }: { caseData: Case; onTable: () => void }) {
  const coming = useQuery(caseSessionsQuery(caseData.id, 'upcoming'));
  const next = coming.data?.items[0];
  return (
    <Alert color="indigo" p="xs">
      {next ? (
        <Text size="sm">
          「{next.bodyName}」（
          <DateText value={next.startsAt} withTime />
          ）の議題になっています。
        </Text>
      ) : (
        <Group gap="xs" justify="space-between">
          <Text size="sm">
            スクリーニングで「本人同意がなく支援会議で検討」としました。支援会議（法第106条の6）の議題にしてください。
          </Text>
          <Button size="xs" onClick={onTable} disabled={!coming.data}>
            支援会議の議題にする
          </Button>
        </Group>
      )}
    </Alert>
  );
}
