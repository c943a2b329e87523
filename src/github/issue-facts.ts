import { z } from "zod";
import type { IssueFacts } from "../plan/snapshot.js";

/**
 * The fields of an issue the app uses, parsed from a webhook payload or an API response. Anything
 * unexpected fails here, at the edge, with a clear error rather than deep in the pipeline.
 */
const issueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.string(),
  locked: z.boolean().nullish(),
  // When GitHub leaves the count out, assume there may be comments to look through.
  comments: z.number().int().nonnegative().nullish(),
  user: z.object({ login: z.string() }).nullish(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string() }), z.null()])).nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});

export function issueFacts(data: unknown): IssueFacts {
  const issue = issueSchema.parse(data);
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    open: issue.state === "open",
    locked: issue.locked === true,
    hasComments: issue.comments !== 0,
    author: issue.user?.login ?? null,
    labels: (issue.labels ?? []).map((l) => (typeof l === "string" ? l : (l?.name ?? ""))).filter(Boolean),
    createdAt: issue.created_at ?? null,
    updatedAt: issue.updated_at ?? null,
  };
}
