/** A classification signal: a pattern and the weight it adds to one kind of work. */

export interface SignalPattern {
  kind: string;
  weight: number;
  re: RegExp;
  /** Only tested against the title. */
  titleOnly?: boolean;
}
