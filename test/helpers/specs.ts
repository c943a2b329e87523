/** A scoped deliverable whose spec is complete: every required section, ready to hand off. */
export const COMPLETE_SPEC = {
  title: "Add a Stripe webhook endpoint",
  body: [
    "## Context",
    "Payments are confirmed today by a nightly job that polls Stripe, so customers wait hours for their receipt.",
    "## Scope",
    "- a `POST /webhooks/stripe` handler and a table of processed event ids",
    "- out of scope: refunds",
    "## API contract",
    "`POST /webhooks/stripe` takes Stripe's event JSON and returns `200 OK`; a bad signature returns `400 Bad Request`.",
    "## Acceptance criteria",
    "- [ ] a replayed event changes nothing",
    "- [ ] a bad signature returns 400 and writes nothing",
    "## Definition of done",
    "Unit tests pass in CI, the docs are updated and it is deployed to staging.",
  ].join("\n"),
};
