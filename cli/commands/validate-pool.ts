// Worker threads for `validate`: NDJSON cut into batches of whole lines, judged on every core, summaries merged in input order.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, isBlankLine, MAX_RECORD_CHARS, type ValidationSummary } from '../../conformance/engine/index.js';
import { packageRoot } from '../../conformance/engine/package-root.js';
import type { JudgeSettings } from './validate-judge.js';

/** A run of whole NDJSON lines of one input: its first line's number and its first record's index. */
export interface LineBatch {
  file: string;
  bytes: Uint8Array;
  line: number;
  index: number;
}

/** Messages a worker sends (validate-worker.ts). */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done' }
  | { type: 'input-error'; file: string; line: number; message: string }
  | { type: 'summary'; summary: ValidationSummary }
  | { type: 'crash'; message: string };

/** Messages a worker receives. */
export type PoolMessage = ({ type: 'batch' } & LineBatch) | { type: 'finish' };

/** Batches in flight per worker: one judged, one waiting, so a worker never idles while the reader cuts the next. */
const IN_FLIGHT = 2;

/**
 * The compiled worker script. Run from the TypeScript sources (tests), the built one in dist/ is used when it exists;
 * without it there is no pool and `validate` judges in its own thread.
 */
function workerScript(): URL | undefined {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return new URL('./validate-worker.js', import.meta.url);
  const built = join(packageRoot(), 'dist', 'cli', 'commands', 'validate-worker.js');
  return existsSync(built) ? pathToFileURL(built) : undefined;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: number;
  summary?: ValidationSummary;
}

export class JudgePool {
  private readonly slots: Slot[];
  private wakeUp: (() => void) | undefined;
  private failure: Error | undefined;
  /** The earliest unreadable record the workers met (input order), reported once the batches before it are judged. */
  private inputError: { file: string; line: number; message: string } | undefined;

  private constructor(
    size: number,
    script: URL,
    settings: JudgeSettings,
    private readonly inputOrder: (file: string) => number,
  ) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(script, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 8 } }), ready: false, inFlight: 0 };
      slot.worker.on('message', (message: WorkerMessage) => this.receive(slot, message));
      slot.worker.on('error', (error) => this.fail(error));
      return slot;
    });
  }

  /** A pool of `size` workers starting in the background, or undefined when no worker script is available. */
  static start(size: number, settings: JudgeSettings, inputOrder: (file: string) => number): JudgePool | undefined {
    const script = workerScript();
    return script === undefined || size < 1 ? undefined : new JudgePool(size, script, settings, inputOrder);
  }

  private receive(slot: Slot, message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        break;
      case 'done':
        slot.inFlight--;
        break;
      case 'input-error': {
        const known = this.inputError;
        const earlier = known === undefined || this.inputOrder(message.file) - this.inputOrder(known.file) || message.line - known.line;
        if (earlier === true || (typeof earlier === 'number' && earlier < 0)) this.inputError = message;
        slot.inFlight--;
        break;
      }
      case 'summary':
        slot.summary = message.summary;
        break;
      case 'crash':
        this.fail(new Error(`validate worker: ${message.message}`));
        break;
    }
    this.wakeUp?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wakeUp?.();
  }

  private async waitFor(condition: () => boolean): Promise<void> {
    while (!condition()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wakeUp = resolve));
      this.wakeUp = undefined;
    }
    if (this.failure) throw this.failure;
  }

  /** True once a worker is ready: until then the caller judges batches itself rather than wait for start-up. */
  get started(): boolean {
    return this.slots.some((slot) => slot.ready);
  }

  /** A worker met an unreadable record: nothing more should be sent. */
  get stopped(): boolean {
    return this.inputError !== undefined || this.failure !== undefined;
  }

  /** Sends a batch to the least busy ready worker, waiting for room; the bytes are moved, not copied. */
  async submit(batch: LineBatch): Promise<void> {
    const free = (): Slot | undefined =>
      this.slots.filter((slot) => slot.ready && slot.inFlight < IN_FLIGHT).sort((a, b) => a.inFlight - b.inFlight)[0];
    await this.waitFor(() => free() !== undefined || this.stopped);
    if (this.stopped) return;
    const slot = free()!;
    slot.inFlight++;
    const message: PoolMessage = { type: 'batch', ...batch };
    slot.worker.postMessage(message, [batch.bytes.buffer as ArrayBuffer]);
  }

  /**
   * Waits for every batch, then returns each worker's summary (only workers that judged something). Throws the
   * earliest `InputError` (its file named) a worker met, or the first worker failure.
   */
  async finish(): Promise<ValidationSummary[]> {
    try {
      await this.waitFor(() => this.slots.every((slot) => slot.inFlight === 0));
      if (this.inputError) {
        const { file, line, message } = this.inputError;
        throw Object.assign(new InputError(line, message), { file });
      }
      for (const slot of this.slots) if (slot.ready) slot.worker.postMessage({ type: 'finish' } satisfies PoolMessage);
      await this.waitFor(() => this.slots.every((slot) => !slot.ready || slot.summary !== undefined));
      return this.slots.flatMap((slot) => (slot.summary ? [slot.summary] : []));
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}

/** Batch size: large enough that messages cost little, small enough that both workers start at once. */
const BATCH_BYTES = 256 * 1024;

/**
 * Cuts the rest of an NDJSON input into batches of whole lines, numbering lines and records as RecordSplitter
 * does, and hands each batch to `send` (the pool, or the caller's own thread while the pool starts).
 */
export class LineFeeder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly file: string,
    private line: number,
    private index: number,
    tail: Buffer | undefined,
    private readonly send: (batch: LineBatch) => Promise<void> | void,
  ) {
    if (tail !== undefined && tail.length > 0) this.add(tail);
  }

  private add(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
  }

  async push(chunk: Buffer): Promise<void> {
    // Copied: the stream owns its chunks, and batches are moved to another thread.
    this.add(Buffer.from(chunk));
    if (this.pendingBytes >= BATCH_BYTES) await this.flush(false);
  }

  async end(): Promise<void> {
    await this.flush(true);
  }

  private async flush(final: boolean): Promise<void> {
    if (this.pendingBytes === 0) return;
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    let cut = all.lastIndexOf(10);
    if (final && cut !== all.length - 1) {
      // The last line has no line break: the batch gets one, so every batch is whole lines.
      this.pending = [all, Buffer.from('\n')];
      this.pendingBytes = all.length + 1;
      return this.flush(false);
    }
    if (cut === -1) {
      if (all.length > MAX_RECORD_CHARS) throw new InputError(this.line, `line longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB`);
      this.pending = [all];
      return;
    }
    const bytes = new Uint8Array(cut + 1);
    bytes.set(all.subarray(0, cut + 1));
    const rest = all.subarray(cut + 1);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    const batch: LineBatch = { file: this.file, bytes, line: this.line, index: this.index };
    const view = Buffer.from(bytes.buffer, 0, bytes.length);
    for (let start = 0, nl = view.indexOf(10); nl !== -1; start = nl + 1, nl = view.indexOf(10, start)) {
      this.line++;
      if (!isBlankLine(view, start, nl)) this.index++;
    }
    await this.send(batch);
  }
}
