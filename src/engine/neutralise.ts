/**
 * Makes user text safe to echo in a comment: `@mentions`, issue references and URLs go into code
 * spans so they neither ping anyone nor cross-link another issue, and Markdown and HTML are escaped
 * so an excerpt cannot change the layout of the comment around it.
 */
const INERT =
  /(^|[^\w`])(@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?|(?:[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100})?#\d{1,10}\b|GH-\d{1,10}\b|https?:\/\/[^\s<>`]{1,500})/g;

function escapeMarkdown(text: string): string {
  // Backticks are dropped rather than escaped: an excerpt reads better without them.
  return text
    .replace(/`/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\*_[\]|~!#{}])/g, "\\$1");
}

export function neutralise(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  let out = "";
  let last = 0;
  INERT.lastIndex = 0;
  for (let m = INERT.exec(oneLine); m; m = INERT.exec(oneLine)) {
    const lead = m[1] ?? "";
    const token = m[2] ?? "";
    const start = m.index + lead.length;
    out += escapeMarkdown(oneLine.slice(last, start));
    out += "`" + token.replace(/`/g, "") + "`";
    last = start + token.length;
  }
  out += escapeMarkdown(oneLine.slice(last));
  return out;
}
