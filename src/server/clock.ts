// One source of "now", so that tests can move time (expiry, overdue, windows).
let offsetMs = 0;

export const now = (): Date => new Date(Date.now() + offsetMs);

export function advanceClockForTests(ms: number): void {
  offsetMs += ms;
}

export function resetClockForTests(): void {
  offsetMs = 0;
}
