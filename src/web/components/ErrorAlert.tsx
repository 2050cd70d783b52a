import { Alert, Button, List } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

export function ErrorAlert({ error, title = '保存できませんでした' }: { error: unknown; title?: string }) {
  const queryClient = useQueryClient();
  if (!error) return null;
  const message = error instanceof Error ? error.message : '予期しないエラーが発生しました。';
  const details = error instanceof ApiError ? (error.details ?? []) : [];
  return (
    <Alert color="red" title={title} role="alert">
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((d) => (
            <List.Item key={`${d.path}:${d.message}`}>{d.message}</List.Item>
          ))}
        </List>
      )}
      {error instanceof ApiError && error.code === 'STALE_RECORD' && (
        // Reloads what the screen shows; what the user typed stays in the form, to save again.
        <Button mt="sm" color="red" variant="outline" onClick={() => queryClient.invalidateQueries()}>
          最新の内容を読み込む（入力はそのまま）
        </Button>
      )}
    </Alert>
  );
}

/** The message of a field from a 400 VALIDATION_FAILED answer, for the input's error prop. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  // a 409 carries an object of details (the current version, the existing record), not field messages
  if (!Array.isArray(error.details)) return undefined;
  return error.details.find((d) => d.path === field || d.path.startsWith(`${field}.`))?.message;
}
