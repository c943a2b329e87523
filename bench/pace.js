// Open-loop load generator for the end-to-end benchmark, in its own process so that the latencies it
// measures do not include the local GitHub's work (which runs in the benchmark's process, as GitHub
// runs elsewhere in production). Reads a JSON file of signed deliveries and sends them at a fixed
// rate, each at its due time whether or not earlier ones were answered, as webhooks arrive.
// Prints {"latencies":[ms...],"statuses":[...]} on stdout.
import { readFileSync } from "node:fs";
import { request, Agent } from "node:http";

const [file, port, rate] = process.argv.slice(2);
const deliveries = JSON.parse(readFileSync(file, "utf8"));
const perSecond = Number(rate);
// Idle connections are closed here after 2 s, before the server closes them (Node's server: 5 s):
// otherwise a request can go out on a connection whose close is already on its way, and fail with
// "socket hang up" through no fault of the app.
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 2_000 });

function send(d) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      { host: "127.0.0.1", port: Number(port), path: "/api/github/webhooks", method: "POST", agent, headers: { ...d.headers, "content-length": Buffer.byteLength(d.body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode }));
      },
    );
    req.on("error", reject);
    req.end(d.body);
  });
}

const started = performance.now();
const pending = [];
for (let i = 0; i < deliveries.length; i++) {
  const wait = started + (i * 1000) / perSecond - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pending.push(send(deliveries[i]));
}
const results = await Promise.all(pending);
process.stdout.write(JSON.stringify({ latencies: results.map((r) => r.ms), statuses: results.map((r) => r.status) }));
agent.destroy();
