import { statusOf } from "./types.js";

/**
 * Makes a write that must not happen twice, such as a comment or a check run. It is not retried
 * blindly: when its answer is lost (a 5xx or a dropped connection, after which GitHub may have made
 * it), `made` looks for it, and it is made once more only when it is not there. A 4xx is GitHub
 * saying no: it is thrown.
 */
export async function createOnce(create: () => Promise<unknown>, made: () => Promise<boolean>): Promise<void> {
  try {
    await create();
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    if (await made()) return;
    await create();
  }
}
