// Unexpected errors are logged by kind and place only: messages of database errors carry
// query parameters, which may be personal data, so they never reach the log.

type WithCause = { name?: string; code?: string; cause?: unknown; stack?: string };

export function databaseErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as WithCause).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as WithCause).cause;
  }
  return undefined;
}

export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8);
  const code = databaseErrorCode(error);
  return [`${error.name}${code ? ` (SQLSTATE ${code})` : ''}`, ...frames].join('\n');
}
