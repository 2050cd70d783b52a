import { Checkbox, Group, Radio, SimpleGrid, Text } from '@mantine/core';

type Issue = { code: string; label: string; sensitive: boolean };
type Props = {
  issues: Issue[];
  selected: string[];
  primary: string | null;
  onChange: (selected: string[], primary: string | null) => void;
};

/** The national form's habit: check every issue, mark the most pressing one ◎. */
export function IssuePicker({ issues, selected, primary, onChange }: Props) {
  const toggle = (code: string, checked: boolean) => {
    const next = checked ? [...selected, code] : selected.filter((c) => c !== code);
    onChange(next, next.includes(primary ?? '') ? primary : (next[0] ?? null));
  };
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: '1rem 0 0' }}>
      <legend>
        <Text fw={500} size="sm">
          課題（あてはまるものすべて。最も優先するものに ◎）
        </Text>
      </legend>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} mt="xs">
        {issues.map((issue) => (
          <Group key={issue.code} gap={6} wrap="nowrap">
            <Checkbox
              label={`${issue.label}${issue.sensitive ? '（機微）' : ''}`}
              checked={selected.includes(issue.code)}
              onChange={(e) => toggle(issue.code, e.currentTarget.checked)}
            />
            {selected.includes(issue.code) && (
              <Radio
                aria-label={`${issue.label}を最も優先する課題（◎）にする`}
                label="◎"
                checked={primary === issue.code}
                onChange={() => onChange(selected, issue.code)}
              />
            )}
          </Group>
        ))}
      </SimpleGrid>
    </fieldset>
  );
}
