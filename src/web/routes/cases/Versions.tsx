import { List, Select, Text } from '@mantine/core';

/** Chooses which version of a document to show; the newest is marked. */
export function VersionSelect({
  latest,
  value,
  onChange,
}: {
  latest: number;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  if (latest < 2) return null;
  return (
    <Select
      aria-label="表示する版"
      size="xs"
      w={160}
      data={Array.from({ length: latest }, (_, i) => ({
        value: String(i + 1),
        label: `第${i + 1}版${i + 1 === latest ? '（最新）' : ''}`,
      }))}
      value={value ?? String(latest)}
      onChange={onChange}
      allowDeselect={false}
    />
  );
}

/** What a version changed against the one before it. */
export function ChangeList({ version, changes }: { version: number; changes: string[] }) {
  if (version < 2) return null;
  return (
    <div>
      <Text size="sm" fw={700}>
        前の版からの変更
      </Text>
      <List size="sm">
        {changes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
    </div>
  );
}
