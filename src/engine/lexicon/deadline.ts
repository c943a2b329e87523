/** Deadlines: calendar dates set as a limit, in the languages issues are written in here. */

import { group } from "../pattern.js";

const MONTHS = [
  "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
  "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?",
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
  "diciembre",
  "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
  "décembre",
  "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
].join("|");
/** A calendar date: "15 March", "March 15th", "20 de junio", "2025-02-28", "Q3 2026". */
const DATE = group([
  `\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?(?:${MONTHS})\\b`,
  `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
  "\\d{4}-\\d\\d-\\d\\d",
  "q[1-4]\\s*\\d{4}",
]);
/** Words that put a date as a limit: "by", "before", "until", in the languages seen here. */
const BEFORE = group([
  "by", "before", "until", "till", "no later than", "deadline", "due", "at the latest", "antes d[eo]l?", "hasta",
  "avant (?:le )?", "bis (?:zum |spätestens )?", "spätestens", "prazo", "plazo", "frist",
]);
/** The same, for words that end in a letter `\b` does not know: followed by a blank. */
const BEFORE_ACCENTED = `\\b${group(["até", "fecha límite", "date limite"])}(?=\\s)`;
/** A deadline: a date after "by", "before", "until" (in the languages seen here), or after "deadline". */
export const DEADLINE = new RegExp(`(?:(?:\\b${BEFORE}\\b|${BEFORE_ACCENTED})[^.]{0,40}?${DATE})`, "i");
/** Table headers whose rows are bounds or dates rather than the feature. */
export const CONSTRAINT_TABLE_HEADER = new RegExp(`\\b${group([
  "within", "deadline", "due", "date", "sla", "target", "timeline", "response time", "resolve", "acknowledge",
])}\\b`, "i");
