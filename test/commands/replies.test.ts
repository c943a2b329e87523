import { explainReply } from "../../src/commands/replies.js";
import { DEFAULT_SETTINGS } from "../../src/config/schema.js";
import { analyze } from "../../src/engine/index.js";

describe("/handoff explain", () => {
  test("names the kind of work for a scoped deliverable, with the sections it lets off", () => {
    const a = analyze({ title: "Dark mode for the settings page", body: "- add a dark theme toggle to the settings page" });
    expect(a.classification).toBe("scoped-deliverable");
    expect(explainReply(a, DEFAULT_SETTINGS)).toContain("Kind of work: UI work (recommended, not required, for this kind: contract).");
  });

  test("says nothing of a kind of work for an issue that is not handed off", () => {
    const a = analyze({ title: "Define SLOs and the on-call rotation for checkout", body: "We need availability and latency targets, error budgets and an escalation policy." });
    expect(a.classification).toBe("needs-owner");
    const reply = explainReply(a, DEFAULT_SETTINGS);
    expect(reply).not.toContain("Kind of work");
    expect(reply.split("\n")[0]).toBe("**Why:** needs-owner: 99% needs an owner · 1% scoped deliverable · 0% unclear. A label needs at least 40% (`classify.threshold`); below it the issue stays unclear.");
  });
});
