import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { readCount } from '../lib/numbers';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: number | string | null | undefined;
  onChange: (value: number | string) => void;
  min?: number;
  max?: number;
  allowDecimal?: boolean;
  decimalScale?: number;
  allowNegative?: boolean;
  thousandSeparator?: string | boolean;
  suffix?: string;
  /** Accepted for the NumberInput it replaces: this field has no arrows anyway. */
  hideControls?: boolean;
};

/**
 * A number field that takes what a Japanese keyboard types: ８ and １２ (full-width), 1,200,
 * or a trailing unit; anything else stays as typed, for the check to name.
 */
export function CountInput({
  value,
  onChange,
  min,
  max,
  allowDecimal = false,
  decimalScale,
  allowNegative: _allowNegative,
  thousandSeparator: _thousandSeparator,
  suffix,
  hideControls: _hideControls,
  error,
  ...rest
}: Props) {
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  useEffect(() => {
    setText((current) => {
      const parsed = readCount(current, allowDecimal);
      return parsed === value || (value === '' && current === '')
        ? current
        : value == null
          ? ''
          : String(value);
    });
  }, [value, allowDecimal]);
  const parsed = readCount(text, allowDecimal);
  const outOfRange =
    typeof parsed === 'number' &&
    ((min !== undefined && parsed < min) || (max !== undefined && parsed > max));
  const localError =
    typeof parsed === 'string' && parsed !== ''
      ? '数字で入力してください。'
      : outOfRange
        ? `${min ?? ''}〜${max ?? ''}の範囲で入力してください。`
        : null;
  return (
    <TextInput
      {...rest}
      inputMode={allowDecimal ? 'decimal' : 'numeric'}
      value={text}
      rightSection={suffix}
      error={error || localError}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const read = readCount(next, allowDecimal);
        onChange(
          typeof read === 'number' && decimalScale !== undefined ? Number(read.toFixed(decimalScale)) : read,
        );
      }}
    />
  );
}
