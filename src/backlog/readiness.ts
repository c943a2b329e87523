/** What the app knows of an issue's path to ready: when it was opened, and when it first became ready. */
export interface ReadinessHistory {
  createdAt: string | null;
  readyAt: string | null;
}

export interface ReadinessMetrics {
  /** Scoped deliverables the app has a history for. */
  tracked: number;
  /** Of those, the share that was ready when opened (ready within ten minutes of opening). */
  readyWhenOpened: number;
  /** Median hours from opened to ready, for those that became ready later; null when none did. */
  medianHoursToReady: number | null;
}

const WHEN_OPENED_MS = 10 * 60 * 1000;

export function readinessMetrics(histories: ReadinessHistory[]): ReadinessMetrics {
  const known = histories.filter((h) => h.createdAt !== null);
  let atOpen = 0;
  const later: number[] = [];
  for (const h of known) {
    if (!h.readyAt) continue;
    const ms = Date.parse(h.readyAt) - Date.parse(h.createdAt!);
    if (!Number.isFinite(ms)) continue;
    if (ms <= WHEN_OPENED_MS) atOpen++;
    else later.push(ms / 3_600_000);
  }
  later.sort((a, b) => a - b);
  const mid = later.length ? (later.length % 2 ? later[(later.length - 1) / 2]! : (later[later.length / 2 - 1]! + later[later.length / 2]!) / 2) : null;
  return { tracked: known.length, readyWhenOpened: known.length ? atOpen / known.length : 0, medianHoursToReady: mid === null ? null : Math.round(mid * 10) / 10 };
}

export function renderReadiness(m: ReadinessMetrics): string {
  if (!m.tracked) return "No readiness history yet: the app records when each issue becomes ready as it checks it.";
  const median = m.medianHoursToReady === null ? "no issue has become ready after opening yet" : `median time from opened to ready: ${m.medianHoursToReady} hours`;
  return `Of ${m.tracked} scoped deliverables with a checklist, ${Math.round(m.readyWhenOpened * 100)}% were ready when opened; ${median}.`;
}
