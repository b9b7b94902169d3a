// Splits a text stream into JSON records with their start line (NDJSON, one JSON value, or a JSON array) in constant memory.
import type { RuleContext } from '../rules/rule.js';
import type { PayloadKind } from '../model/payloads.js';
import { detectKind, isPayloadKind } from './kind.js';

/** The text of one record and the 1-based line where it starts. */
export interface RawRecord {
  text: string;
  line: number;
}

/** Unreadable input at a line: the CLI prints `file:line: message` and exits 2. */
export class InputError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Largest record accepted (an unterminated value must not swallow the whole input into memory). */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

// Character codes compared in the scanner's loop.
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BOM = 0xfeff;

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === CR || c === TAB || c === BOM;

type Mode =
  /** Nothing but white space seen yet. */
  | 'start'
  /** Inside a top-level JSON array: each element is a record. */
  | 'array'
  /** After the array's closing bracket: only white space may follow. */
  | 'after-array'
  /** A sequence of top-level values (one pretty-printed object, or concatenated values). */
  | 'sequence'
  /** NDJSON: the first value fitted on its line, so every non-blank line is one record. */
  | 'lines';

/**
 * Incremental splitter. Input forms, decided from the first characters:
 * - `[` → a JSON array, streamed element by element (never parsed whole);
 * - a first value that ends on its own line, followed by a line break → NDJSON, one record per line;
 * - otherwise → top-level values one after another (a single pretty-printed object is the common case).
 * Only the record being read is held in memory.
 */
export class RecordSplitter {
  private mode: Mode = 'start';
  private buf = '';
  /** Scan position in `buf`. */
  private pos = 0;
  /** Line number at `pos`. */
  private line = 1;
  // Current value, when one is open.
  private inValue = false;
  private valueStart = 0;
  private valueLine = 0;
  private depth = 0;
  private inString = false;
  private stringStart = 0;
  private scalar = false;
  // Array mode: an element was read and a comma (or the closing bracket) must come next.
  private expectComma = false;
  // Sequence mode: set when the first value ended on its start line; the next line break switches to NDJSON.
  private maybeLines = false;
  private values = 0;

  /** Feeds decoded text; returns the records completed by it. Throws `InputError` on a syntax problem. */
  push(chunk: string): RawRecord[] {
    const out: RawRecord[] = [];
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    if (this.mode === 'lines') this.splitLines(out, false);
    else this.scan(out);
    this.compact();
    return out;
  }

  /** Ends the input; returns the last record, or throws when a value or the array is left open. */
  end(): RawRecord[] {
    const out: RawRecord[] = [];
    if (this.mode === 'lines') {
      this.splitLines(out, true);
    } else {
      this.scan(out);
      if (this.inValue && this.scalar && !this.inString) {
        this.emit(out, this.pos);
      } else if (this.inValue) {
        throw new InputError(this.valueLine, 'unterminated JSON value (missing closing bracket or quote)');
      }
      if (this.mode === 'array') throw new InputError(this.line, "unterminated JSON array (missing ']')");
    }
    this.buf = '';
    this.pos = 0;
    return out;
  }

  private compact(): void {
    const keep = this.inValue ? this.valueStart : this.pos;
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.pos -= keep;
      if (this.inValue) {
        this.stringStart -= keep;
        this.valueStart = 0;
      }
    }
    if (this.inValue && this.buf.length > MAX_RECORD_CHARS) {
      throw new InputError(this.valueLine, `record larger than ${MAX_RECORD_CHARS / 1024 / 1024} MiB, or not terminated`);
    }
  }

  private emit(out: RawRecord[], endExclusive: number): void {
    out.push({ text: this.buf.slice(this.valueStart, endExclusive), line: this.valueLine });
    this.inValue = false;
    this.scalar = false;
    this.values++;
    if (this.mode === 'array') this.expectComma = true;
    else if (this.mode === 'sequence' && this.values === 1) this.maybeLines = this.valueLine === this.line;
  }

  private open(i: number, scalar: boolean): void {
    this.inValue = true;
    this.valueStart = i;
    this.valueLine = this.line;
    this.depth = 0;
    this.scalar = scalar;
  }

  private scan(out: RawRecord[]): void {
    const buf = this.buf;
    const n = buf.length;
    let i = this.pos;
    while (i < n) {
      if (this.inValue && this.inString) {
        // Jump to the next quote that is not escaped; JSON strings hold no raw line breaks.
        let q = buf.indexOf('"', i);
        while (q !== -1) {
          let slashes = 0;
          for (let k = q - 1; k > this.stringStart && buf.charCodeAt(k) === BACKSLASH; k--) slashes++;
          if (slashes % 2 === 0) break;
          q = buf.indexOf('"', q + 1);
        }
        if (q === -1) {
          i = n;
          break;
        }
        this.inString = false;
        i = q + 1;
        if (this.depth === 0) this.emit(out, i);
        continue;
      }
      const c = buf.charCodeAt(i);
      if (this.inValue) {
        if (this.scalar) {
          if (isSpace(c) || c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === OPEN_BRACE || c === OPEN_BRACKET) {
            this.emit(out, i);
            continue; // re-read this character at top level
          }
          i++;
          continue;
        }
        if (c === QUOTE) {
          this.inString = true;
          this.stringStart = i;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.depth++;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.depth--;
          if (this.depth === 0) {
            i++;
            this.emit(out, i);
            continue;
          }
        } else if (c === LF) {
          this.line++;
        }
        i++;
        continue;
      }
      // Between values.
      if (c === LF) {
        this.line++;
        i++;
        if (this.maybeLines) {
          this.mode = 'lines';
          this.maybeLines = false;
          this.pos = i;
          this.splitLines(out, false);
          return;
        }
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      this.maybeLines = false;
      switch (this.mode) {
        case 'start':
          if (c === OPEN_BRACKET) {
            this.mode = 'array';
            i++;
            continue;
          }
          this.mode = 'sequence';
          continue; // read this character as the first value
        case 'after-array':
          throw new InputError(this.line, 'unexpected data after the end of the JSON array');
        case 'array':
          if (c === CLOSE_BRACKET) {
            this.mode = 'after-array';
            i++;
            continue;
          }
          if (c === COMMA) {
            if (!this.expectComma) throw new InputError(this.line, "unexpected ',' in the JSON array");
            this.expectComma = false;
            i++;
            continue;
          }
          if (this.expectComma) throw new InputError(this.line, "missing ',' between elements of the JSON array");
          break;
        default:
          break;
      }
      // A value starts here.
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.open(i, false);
        this.depth = 1;
      } else if (c === QUOTE) {
        this.open(i, false);
        this.inString = true;
        this.stringStart = i;
      } else {
        this.open(i, true);
      }
      i++;
    }
    this.pos = i;
  }

  /** NDJSON: every non-blank line is a record; `final` flushes a last line without a line break. */
  private splitLines(out: RawRecord[], final: boolean): void {
    const buf = this.buf;
    let start = this.pos;
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl === -1) break;
      this.pushLine(out, buf, start, nl);
      start = nl + 1;
    }
    if (final && start < buf.length) {
      this.pushLine(out, buf, start, buf.length);
      start = buf.length;
    }
    this.pos = start;
    if (buf.length - start > MAX_RECORD_CHARS) {
      throw new InputError(this.line, `line longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB`);
    }
  }

  private pushLine(out: RawRecord[], buf: string, start: number, end: number): void {
    const line = this.line++;
    // Blank lines (including a lone \r) are allowed and skipped.
    for (let k = start; k < end; k++) {
      if (!isSpace(buf.charCodeAt(k))) {
        out.push({ text: buf.slice(start, end), line });
        this.values++;
        return;
      }
    }
  }
}

/** A record ready for the engine. */
export interface ParsedRecord {
  payload: unknown;
  /** From the `{ "payload": …, "context": … }` wrapper the generator writes with --with-context. */
  context?: RuleContext;
  /** From the wrapper's optional `kind`. */
  kind?: PayloadKind;
}

/** JSON.parse's message without the quoted excerpt of the input it may contain (it could be personal data). */
function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 quotes the input: `Unexpected token 'x', "{"nir": 18"... is not valid JSON`; keep the token, drop the excerpt.
  const withoutExcerpt = message.replace(/,\s*(?:\.\.\.)?".*"(?:\.\.\.)?\s+is not valid JSON$/s, '');
  return `invalid JSON: ${withoutExcerpt.replace(/\s+/g, ' ').trim()}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses one record and unwraps `{ payload, context?, kind? }`. Throws `InputError` at the record's line. */
export function parseRecord(raw: RawRecord): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw.text);
  } catch (error) {
    throw new InputError(raw.line, parseErrorMessage(error));
  }
  if (!isObject(value)) throw new InputError(raw.line, `a record must be a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  if (isObject(value.payload) && detectKind(value) === undefined) {
    const record: ParsedRecord = { payload: value.payload };
    if (value.context !== undefined && value.context !== null) {
      if (!isObject(value.context)) throw new InputError(raw.line, "the record's context must be a JSON object");
      record.context = value.context as RuleContext;
    }
    if (value.kind !== undefined) {
      if (!isPayloadKind(value.kind)) throw new InputError(raw.line, `unknown kind '${String(value.kind)}' (cerfa, facture, convention, certificat)`);
      record.kind = value.kind;
    }
    return record;
  }
  return { payload: value };
}
