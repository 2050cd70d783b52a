/** A PostgreSQL array literal ({"a","b"}): how a JS string array travels as one text[] parameter. */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
