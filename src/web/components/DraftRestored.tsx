import { Alert, Button } from '@mantine/core';

/** Says that unsaved input came back from this tab's draft, with a way to start afresh. */
export function DraftRestored({ onDiscard }: { onDiscard: () => void }) {
  return (
    <Alert color="blue" title="入力途中の内容を復元しました">
      保存されていなかった入力を、このタブに残っていた下書きから戻しました。{' '}
      <Button variant="subtle" size="compact-sm" onClick={onDiscard}>
        下書きを消して最初から
      </Button>
    </Alert>
  );
}
