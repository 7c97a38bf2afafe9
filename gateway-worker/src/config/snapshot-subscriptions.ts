// Finds the top-level "subscriptions" array of a snapshot's JSON text without parsing
// the whole document, so its 100,000 elements can be parsed one at a time: each parsed
// element dies young (never reaching the old generation) instead of the whole tree
// living until the index is built. Only structure is checked here (brackets, strings,
// commas); every byte of the document still goes through JSON.parse, either in the shell
// (the document with the array emptied) or in an element. Anything unusual (a duplicate
// key, a non-array value, broken structure) answers null, and the caller parses the
// document whole as before, with JSON.parse's own error messages.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export interface LocatedSubscriptions {
  /** The document with the subscriptions array replaced by []: what the contract's schema checks. */
  readonly shell: string;
  /** The array's elements, as JSON text, in order. */
  elements(): IterableIterator<string>;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(raw: string, i: number): number {
  while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
  return i;
}

/** `i` at an opening quote; the index after the closing one, or -1. */
function skipString(raw: string, i: number): number {
  for (let at = i + 1; ; ) {
    const quote = raw.indexOf('"', at);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let k = quote - 1; raw.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** `i` at the first character of a value; the index after it, or -1. Literals end at a delimiter (JSON.parse judges them). */
function skipValue(raw: string, i: number): number {
  const first = raw.charCodeAt(i);
  if (first === QUOTE) return skipString(raw, i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let at = i;
    for (; at < raw.length; at++) {
      const c = raw.charCodeAt(at);
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
    }
    return at > i ? at : -1;
  }
  let depth = 0;
  for (let at = i; at < raw.length; ) {
    const c = raw.charCodeAt(at);
    if (c === QUOTE) {
      at = skipString(raw, at);
      if (at < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return at + 1;
    }
    at++;
  }
  return -1;
}

/** `start` at the "[" of an array: its elements' [start, end) pairs and the index after "]"; null if its structure is off. */
function elementRanges(raw: string, start: number): { ranges: number[]; end: number } | null {
  const ranges: number[] = [];
  let i = skipSpace(raw, start + 1);
  if (raw.charCodeAt(i) === CLOSE_BRACKET) return { ranges, end: i + 1 };
  for (;;) {
    const valueEnd = skipValue(raw, i);
    if (valueEnd < 0) return null;
    ranges.push(i, valueEnd);
    i = skipSpace(raw, valueEnd);
    const c = raw.charCodeAt(i);
    if (c === CLOSE_BRACKET) return { ranges, end: i + 1 };
    if (c !== COMMA) return null;
    i = skipSpace(raw, i + 1);
  }
}

export function locateSubscriptions(raw: string): LocatedSubscriptions | null {
  let i = skipSpace(raw, 0);
  if (raw.charCodeAt(i) !== OPEN_BRACE) return null;
  i = skipSpace(raw, i + 1);
  let found: { start: number; end: number; ranges: number[] } | null = null;
  if (raw.charCodeAt(i) === CLOSE_BRACE) return null;
  for (;;) {
    if (raw.charCodeAt(i) !== QUOTE) return null;
    const keyEnd = skipString(raw, i);
    if (keyEnd < 0) return null;
    let key: unknown;
    try {
      key = JSON.parse(raw.slice(i, keyEnd));
    } catch {
      return null;
    }
    i = skipSpace(raw, keyEnd);
    if (raw.charCodeAt(i) !== COLON) return null;
    i = skipSpace(raw, i + 1);
    let valueEnd: number;
    if (key === "subscriptions") {
      // JSON.parse would keep the last of two: leave such a document to it.
      if (found || raw.charCodeAt(i) !== OPEN_BRACKET) return null;
      const elements = elementRanges(raw, i);
      if (!elements) return null;
      found = { start: i, end: elements.end, ranges: elements.ranges };
      valueEnd = elements.end;
    } else {
      valueEnd = skipValue(raw, i);
      if (valueEnd < 0) return null;
    }
    i = skipSpace(raw, valueEnd);
    const c = raw.charCodeAt(i);
    if (c === CLOSE_BRACE) break;
    if (c !== COMMA) return null;
    i = skipSpace(raw, i + 1);
  }
  if (!found || skipSpace(raw, i + 1) !== raw.length) return null;
  const { start, end, ranges } = found;
  return {
    shell: `${raw.slice(0, start)}[]${raw.slice(end)}`,
    *elements() {
      for (let k = 0; k < ranges.length; k += 2) yield raw.slice(ranges[k], ranges[k + 1]);
    },
  };
}
