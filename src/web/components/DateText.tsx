import { formatWareki, formatWarekiDateTime, formatWestern } from '../../shared/dates';

type Props = { value: string | Date; withTime?: boolean };

/** 和暦 for reading; the Western date on hover and for screen readers via datetime. */
export function DateText({ value, withTime = false }: Props) {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const western = formatWestern(value);
  return (
    <time dateTime={iso} title={western}>
      {withTime ? formatWarekiDateTime(value) : formatWareki(value)}
    </time>
  );
}
