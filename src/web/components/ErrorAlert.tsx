import { Alert, List } from '@mantine/core';
import { ApiError } from '../lib/api';

export function ErrorAlert({ error, title = '保存できませんでした' }: { error: unknown; title?: string }) {
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
    </Alert>
  );
}

/** The message of a field from a 400 VALIDATION_FAILED answer, for the input's error prop. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details?.find((d) => d.path === field || d.path.startsWith(`${field}.`))?.message;
}
