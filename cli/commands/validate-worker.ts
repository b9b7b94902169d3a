// A `validate` worker thread: judges the NDJSON batches it is sent and answers its summary when asked (see validate-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, ndjsonRecords } from '../../conformance/engine/index.js';
import { RecordJudge, type JudgeSettings } from './validate-judge.js';
import type { PoolMessage, WorkerMessage } from './validate-pool.js';

const port = parentPort!;
const say = (message: WorkerMessage): void => port.postMessage(message);

try {
  const judge = await RecordJudge.create(workerData as JudgeSettings);
  port.on('message', (message: PoolMessage) => {
    if (message.type === 'finish') {
      say({ type: 'summary', summary: judge.summarizer.finish() });
      return;
    }
    const { file, line, bytes } = message;
    let index = message.index;
    try {
      for (const raw of ndjsonRecords(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), line)) judge.judge(raw, file, index++);
      say({ type: 'done' });
    } catch (error) {
      if (error instanceof InputError) say({ type: 'input-error', file, line: error.line, message: error.message });
      else say({ type: 'crash', message: error instanceof Error ? error.message : String(error) });
    }
  });
  say({ type: 'ready' });
} catch (error) {
  say({ type: 'crash', message: error instanceof Error ? error.message : String(error) });
}
