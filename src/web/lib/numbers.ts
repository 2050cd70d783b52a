/** Full-width digits (from a Japanese input method) and separators, read as a number. */
export function readCount(text: string, allowDecimal: boolean): number | string {
  const plain = text
    .normalize('NFKC')
    .replace(/[,、\s]/g, '')
    .replace(/。/g, '.');
  if (plain === '') return '';
  const pattern = allowDecimal ? /^\d+(\.\d*)?$/ : /^\d+$/;
  return pattern.test(plain) ? Number(plain) : plain;
}
