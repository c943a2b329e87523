import { z } from "zod";

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

export interface IssueFacts {
  number: number;
  title: string;
  body: string;
  open: boolean;
  locked: boolean;
  /** Whether the issue may have comments (false only when GitHub says it has none). */
  hasComments: boolean;
  author: string | null;
  labels: string[];
  createdAt: string | null;
  updatedAt: string | null;
}

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
