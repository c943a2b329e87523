import { NEW_ISSUE_MS, payloadTrust, type PayloadTrust } from "../../src/plan/payload-trust.js";
import type { IssueFacts } from "../../src/plan/snapshot.js";

/** When a run believes the comment count that queued it, one row per case: no HTTP. */

const NOW = Date.parse("2024-03-01T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function facts(extra: Partial<IssueFacts>): IssueFacts {
  return { number: 7, title: "Add a Stripe webhook endpoint", body: "", open: true, locked: false, hasComments: false, author: "author", labels: [], createdAt: ago(2000), updatedAt: ago(2000), ...extra };
}

const TRUSTED: PayloadTrust = { readAgain: false, hasComments: false };
const LIST: PayloadTrust = { readAgain: false, hasComments: true };
const READ_AGAIN: PayloadTrust = { readAgain: true, hasComments: false };

describe("payloadTrust", () => {
  test.each<[string, Partial<IssueFacts>, { fromPayload?: boolean; ranBefore?: boolean }, PayloadTrust]>([
    ["a payload of an issue created two seconds before, no comments: believed", {}, {}, TRUSTED],
    ["created just inside the window: believed", { createdAt: ago(NEW_ISSUE_MS) }, {}, TRUSTED],
    ["created just outside the window: the issue is read again", { createdAt: ago(NEW_ISSUE_MS + 1) }, {}, READ_AGAIN],
    ["a payload of an hour ago (redelivered): read again", { createdAt: ago(3_600_000) }, {}, READ_AGAIN],
    ["a creation time in the future beyond the window (a clock off, or a forged date): read again", { createdAt: ago(-NEW_ISSUE_MS - 1000) }, {}, READ_AGAIN],
    ["no creation time: read again", { createdAt: null }, {}, READ_AGAIN],
    ["a creation time that is not a date: read again", { createdAt: "yesterday" }, {}, READ_AGAIN],
    ["a run has been on the issue: its comments are listed", {}, { ranBefore: true }, LIST],
    ["the payload counts comments: they are listed", { hasComments: true, createdAt: ago(3_600_000) }, {}, LIST],
    ["a list of issues just read, an old issue without comments: believed", { createdAt: ago(3_600_000) }, { fromPayload: false }, TRUSTED],
  ])("%s", (_name, extra, { fromPayload = true, ranBefore = false }, expected) => {
    expect(payloadTrust(facts(extra), { fromPayload, ranBefore, now: NOW })).toEqual(expected);
  });
});
