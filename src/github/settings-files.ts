import type { FetchText, FileRef } from "../config/load-settings.js";
import { statusOf, type Octokit } from "./types.js";

/**
 * Reads settings files from their default branches through the contents API, raw. A missing file
 * (404) is null; a directory or any other failure throws, so the caller applies nothing rather than
 * guessing. `override` stands in for one file (a pull request's version of it).
 */
export function settingsFetcher(octokit: Octokit, override?: { file: FileRef; text: string | null }): FetchText {
  return async (file: FileRef) => {
    if (override && override.file.owner === file.owner && override.file.repo === file.repo && override.file.path === file.path) return override.text;
    try {
      const response = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: file.owner,
        repo: file.repo,
        path: file.path,
        mediaType: { format: "raw" },
      });
      if (typeof response.data !== "string") throw new Error(`${file.owner}/${file.repo}:${file.path} is not a file`);
      return response.data;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  };
}
