// Splits a text stream into JSON records with their start line (NDJSON, one JSON value, or a JSON array) in constant memory.
import { StringDecoder } from 'node:string_decoder';
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
 * Only the record being read is held in memory. Chunks are scanned in place and never concatenated with
 * each other (V8 string ropes made every later scan slow): a record spanning chunks is kept as pieces.
 */
export class RecordSplitter {
  private mode: Mode = 'start';
  /** Line number at the scan position. */
  private line = 1;
  // Current value, when one is open.
  private inValue = false;
  private valueLine = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  /** Text of the open value read from earlier chunks (or of the partial line, in NDJSON mode). */
  private pieces: string[] = [];
  private piecesLength = 0;
  // Array mode: an element was read and a comma (or the closing bracket) must come next.
  private expectComma = false;
  // Sequence mode: set when the first value ended on its start line; the next line break switches to NDJSON.
  private maybeLines = false;
  private values = 0;

  /**
   * Feeds the next chunk; returns the records completed by it. Throws `InputError` on a syntax problem.
   * Give either text (already decoded) or raw UTF-8 bytes for the whole input, not both. With bytes, NDJSON
   * lines are found in the bytes and each line decoded alone: the JSON parser then works on small flat strings
   * (about 1.5× faster than on slices of a large chunk) and no large string stays on the heap.
   */
  push(chunk: string | Uint8Array): RawRecord[] {
    const out: RawRecord[] = [];
    if (typeof chunk !== 'string') {
      this.pushBytes(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), out);
    } else {
      if (this.bytes !== 'none') throw new Error('RecordSplitter: text pushed after bytes');
      this.pushText(chunk, out);
    }
    return out;
  }

  /** Ends the input; returns the last record, or throws when a value or the array is left open. */
  end(): RawRecord[] {
    const out: RawRecord[] = [];
    if (this.bytes === 'undecided') this.decide(true, out);
    if (this.bytes === 'lines') {
      if (this.byteTail !== undefined) this.pushLine(this.byteTail.toString('utf8'), out);
      this.byteTail = undefined;
      return out;
    }
    if (this.bytes === 'text') this.pushText(this.decoder!.end(), out);
    if (this.mode === 'lines') {
      if (this.piecesLength > 0) this.pushLine(this.takePieces(''), out);
    } else if (this.inValue) {
      if (!this.scalar) throw new InputError(this.valueLine, 'unterminated JSON value (missing closing bracket or quote)');
      this.emit(this.takePieces(''), out);
    }
    if (this.mode === 'array') throw new InputError(this.line, "unterminated JSON array (missing ']')");
    return out;
  }

  private pushText(chunk: string, out: RawRecord[]): void {
    if (this.mode === 'lines') this.splitLines(chunk, 0, out);
    else this.scan(chunk, out);
  }

  // ----- Byte input -----
  /** `none`: text input; `undecided`: bytes buffered until the form is known; then NDJSON lines or decoded text. */
  private bytes: 'none' | 'undecided' | 'lines' | 'text' = 'none';
  /** Bytes not yet split: the start of the input while undecided, then a partial last line. */
  private byteTail: Buffer | undefined;
  private decoder: StringDecoder | undefined;

  private pushBytes(chunk: Buffer, out: RawRecord[]): void {
    if (this.bytes === 'none') this.bytes = 'undecided';
    if (this.bytes === 'lines') return this.splitLineBytes(chunk, out);
    if (this.bytes === 'text') return this.pushText(this.decoder!.write(chunk), out);
    this.byteTail = this.byteTail === undefined ? Buffer.from(chunk) : Buffer.concat([this.byteTail, chunk]);
    this.decide(false, out);
  }

  /**
   * Chooses the form from the first bytes: NDJSON when the first non-blank line is a JSON value on its own
   * (as the text scanner decides, but without decoding the whole input), else the text scanner.
   */
  private decide(final: boolean, out: RawRecord[]): void {
    const head = this.byteTail ?? Buffer.alloc(0);
    let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const bom = i;
    let lines = 0;
    while (i < head.length && (head[i] === SPACE || head[i] === TAB || head[i] === CR || head[i] === LF)) {
      if (head[i] === LF) lines++;
      i++;
    }
    let form: 'lines' | 'text' | undefined;
    if (i < head.length && head[i] === OPEN_BRACKET) form = 'text';
    else {
      const nl = head.indexOf(LF, i);
      if (nl === -1 && !final && head.length <= MAX_RECORD_CHARS) return; // the first line is not complete yet
      if (i >= head.length) form = 'text';
      else {
        try {
          JSON.parse(head.toString('utf8', i, nl === -1 ? head.length : nl));
          form = 'lines';
        } catch {
          form = 'text';
        }
      }
    }
    this.byteTail = undefined;
    if (form === 'lines') {
      this.bytes = 'lines';
      this.mode = 'lines';
      this.line += lines;
      this.splitLineBytes(head.subarray(i), out);
    } else {
      this.bytes = 'text';
      this.decoder = new StringDecoder('utf8');
      this.pushText(this.decoder.write(head.subarray(bom)), out);
    }
  }

  private splitLineBytes(chunk: Buffer, out: RawRecord[]): void {
    let start = 0;
    let nl = chunk.indexOf(LF);
    if (nl !== -1 && this.byteTail !== undefined) {
      this.pushLine(Buffer.concat([this.byteTail, chunk.subarray(0, nl)]).toString('utf8'), out);
      this.byteTail = undefined;
      start = nl + 1;
      nl = chunk.indexOf(LF, start);
    }
    while (nl !== -1) {
      this.pushLine(chunk.toString('utf8', start, nl), out);
      start = nl + 1;
      nl = chunk.indexOf(LF, start);
    }
    if (start < chunk.length) {
      // Copied: the stream owns `chunk`, and the partial line is all that must outlive it.
      const rest = Buffer.from(chunk.subarray(start));
      this.byteTail = this.byteTail === undefined ? rest : Buffer.concat([this.byteTail, rest]);
      if (this.byteTail.length > MAX_RECORD_CHARS) throw new InputError(this.line, `line longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB`);
    }
  }

  // ----- Text input -----
  private keep(piece: string): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.piecesLength += piece.length;
    if (this.piecesLength > MAX_RECORD_CHARS) {
      const what = this.mode === 'lines' ? `line longer than` : `record larger than`;
      throw new InputError(this.mode === 'lines' ? this.line : this.valueLine, `${what} ${MAX_RECORD_CHARS / 1024 / 1024} MiB${this.mode === 'lines' ? '' : ', or not terminated'}`);
    }
  }

  private takePieces(last: string): string {
    if (this.pieces.length === 0) return last;
    this.pieces.push(last);
    const text = this.pieces.join('');
    this.pieces = [];
    this.piecesLength = 0;
    return text;
  }

  private emit(text: string, out: RawRecord[]): void {
    out.push({ text, line: this.valueLine });
    this.inValue = false;
    this.scalar = false;
    this.values++;
    if (this.mode === 'array') this.expectComma = true;
    else if (this.mode === 'sequence' && this.values === 1) this.maybeLines = this.valueLine === this.line;
  }

  private scan(chunk: string, out: RawRecord[]): void {
    const n = chunk.length;
    let i = 0;
    /** Where the open value starts in this chunk (0 when it began in an earlier one). */
    let valueStart = 0;
    const open = (scalar: boolean): void => {
      this.inValue = true;
      this.valueLine = this.line;
      this.depth = 0;
      this.scalar = scalar;
      valueStart = i;
    };
    // Next backslash at or after the scan position (-1: none left in this chunk); strings are skipped with indexOf.
    let backslash = chunk.indexOf('\\');
    while (i < n) {
      if (this.inValue && this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        if (backslash !== -1 && backslash < i) backslash = chunk.indexOf('\\', i);
        const quote = chunk.indexOf('"', i);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          // An escape comes first: skip it and the character it escapes (which may be in the next chunk).
          i = backslash + 1;
          this.escaped = true;
          continue;
        }
        if (quote === -1) {
          i = n;
          break;
        }
        i = quote + 1;
        this.inString = false;
        if (this.depth === 0) this.emit(this.takePieces(chunk.slice(valueStart, i)), out);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.inValue) {
        if (this.scalar) {
          if (isSpace(c) || c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === OPEN_BRACE || c === OPEN_BRACKET) {
            this.emit(this.takePieces(chunk.slice(valueStart, i)), out);
            continue; // read this character again, between values
          }
          i++;
          continue;
        }
        if (c === QUOTE) {
          this.inString = true;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.depth++;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (--this.depth === 0) {
            i++;
            this.emit(this.takePieces(chunk.slice(valueStart, i)), out);
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
          this.splitLines(chunk, i, out);
          return;
        }
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      this.maybeLines = false;
      if (this.mode === 'start') {
        if (c === OPEN_BRACKET) {
          this.mode = 'array';
          i++;
          continue;
        }
        this.mode = 'sequence';
      } else if (this.mode === 'after-array') {
        throw new InputError(this.line, 'unexpected data after the end of the JSON array');
      } else if (this.mode === 'array') {
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
      }
      // A value starts here.
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        open(false);
        this.depth = 1;
      } else if (c === QUOTE) {
        open(false);
        this.inString = true;
      } else {
        open(true);
      }
      i++;
    }
    if (this.inValue) this.keep(chunk.slice(valueStart));
  }

  /** NDJSON: every non-blank line is a record. Reads `chunk` from `from`; a partial last line waits in `pieces`. */
  private splitLines(chunk: string, from: number, out: RawRecord[]): void {
    let start = from;
    let nl = chunk.indexOf('\n', start);
    if (nl !== -1 && this.piecesLength > 0) {
      this.pushLine(this.takePieces(chunk.slice(start, nl)), out);
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    while (nl !== -1) {
      this.pushLine(chunk.slice(start, nl), out);
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.keep(chunk.slice(start));
  }

  /**
   * Hands the rest of an NDJSON byte input over to another reader (`validate`'s worker threads): the next line's
   * number and the partial line held. Undefined, and nothing changes, unless the input was found to be NDJSON bytes.
   * The splitter must not be used afterwards.
   */
  detachLines(): { line: number; tail: Buffer | undefined } | undefined {
    if (this.bytes !== 'lines') return undefined;
    const state = { line: this.line, tail: this.byteTail };
    this.byteTail = undefined;
    return state;
  }

  private pushLine(text: string, out: RawRecord[]): void {
    const line = this.line++;
    // Blank lines (including a lone \r) are allowed and skipped.
    if (text.length === 0 || (isSpace(text.charCodeAt(0)) && text.trim() === '')) return;
    out.push({ text, line });
    this.values++;
  }
}

/**
 * Whether bytes `[start, end)` of an NDJSON input are a blank line, as RecordSplitter decides it on the decoded
 * line (empty, or white space from its first character); the text is decoded only in that rare case.
 */
export function isBlankLine(bytes: Buffer, start: number, end: number): boolean {
  if (start >= end) return true;
  const first = bytes[start]!;
  const maybe = first === SPACE || first === TAB || first === CR || (first === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf);
  return maybe && bytes.toString('utf8', start, end).trim() === '';
}

/** The records of a buffer of whole NDJSON lines (the last one ends with its line break), the first at `line`. */
export function* ndjsonRecords(bytes: Buffer, line: number): Generator<RawRecord> {
  let start = 0;
  for (let nl = bytes.indexOf(LF); nl !== -1; nl = bytes.indexOf(LF, start), line++) {
    if (!isBlankLine(bytes, start, nl)) yield { text: bytes.toString('utf8', start, nl), line };
    start = nl + 1;
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
