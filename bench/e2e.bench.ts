import { jest } from "@jest/globals";
import { fileURLToPath } from "node:url";
import { LocalGitHub } from "../test/local-github/server.js";
import { deliver, issuePayload, rssKb, settle, startApp } from "../test/e2e/harness.js";

/**
 * End-to-end benchmark (run by `npm run bench`, not by `npm test`): signed deliveries over HTTP to the
 * real server against the local GitHub, beside a Probot app that does nothing, under the same load.
 */
jest.setTimeout(600_000);

const noop = fileURLToPath(new URL("./noop-app.js", import.meta.url));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Open loop at a fixed rate, as webhooks arrive: latency is measured under the same offered load for both apps. */
async function paced(port: number, local: LocalGitHub, count: number, issues: number, perSecond: number) {
  const latencies: number[] = [];
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(deliver(port, `paced-${port}-${i}`, "issues", issuePayload(local, (i % issues) + 1, i < issues ? "opened" : "edited")).then(() => void latencies.push(performance.now() - t0)));
  }
  await Promise.all(pending);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: count / ((performance.now() - started) / 1000) };
}

async function load(port: number, local: LocalGitHub, count: number, issues: number, concurrency = 16) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await deliver(port, `bench-${port}-${i}`, "issues", issuePayload(local, (i % issues) + 1, i < issues ? "opened" : "edited"));
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: count / seconds };
}

const TITLES = ["Add a Stripe webhook endpoint", "Define SLOs and the on-call rotation for checkout", "Why do you use Redis for sessions?", "Migrate sessions from Redis to Postgres"];

test("end-to-end figures", async () => {
  const lines: string[] = [];
  const run = async (script: string | undefined, label: string) => {
    const local = new LocalGitHub();
    const address = await local.start();
    for (let n = 1; n <= 200; n++) local.addIssue(n, TITLES[n % TITLES.length]!);
    const app = await startApp(address, script ? { script } : {});
    try {
      await load(app.port, local, 300, 200); // warm-up
      await settle(local, 500);
      const max = await load(app.port, local, 3000, 200);
      await settle(local, 500);
      const r = await paced(app.port, local, 2000, 200, 200);
      await settle(local, 500);
      lines.push(`| ${label} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${Math.round(max.perSecond)} |`);
      return { r, local, app };
    } finally {
      app.child.kill("SIGKILL");
      await app.exited;
      await local.stop();
    }
  };
  const base = await run(noop, "no-op Probot app");
  const ours = await run(undefined, "handoff");

  // Fully processed issues per second: 200 new issues, from the first delivery to the last write.
  const local = new LocalGitHub();
  const address = await local.start();
  for (let n = 1; n <= 200; n++) local.addIssue(n, TITLES[n % TITLES.length]!);
  const app = await startApp(address);
  const t0 = performance.now();
  await load(app.port, local, 200, 200);
  await settle(local, 300);
  const processed = 200 / ((performance.now() - t0 - 300) / 1000);
  // Memory after 10,000 deliveries.
  await load(app.port, local, 10_000, 200, 32);
  await settle(local, 500);
  const rss = rssKb(app.child.pid!) / 1024;
  app.child.kill("SIGKILL");
  await app.exited;
  await local.stop();

  const out = [
    "## End to end (signed deliveries over HTTP, local GitHub on loopback, throttling off)",
    "",
    "| app | ack p50 at 200/s (ms) | ack p99 at 200/s (ms) | most acks per second (16 at a time) |",
    "|---|---:|---:|---:|",
    ...lines,
    "",
    `Acknowledgement p99, handoff ÷ no-op, both offered 200 deliveries a second over 200 issues: ${(ours.r.p99 / base.r.p99).toFixed(2)}×.`,
    `Fully processed issues per second (every write done): ${Math.round(processed)}.`,
    `Resident memory after 10,000 more deliveries: ${Math.round(rss)} MB.`,
  ];
  process.stdout.write(out.join("\n") + "\n");
});
