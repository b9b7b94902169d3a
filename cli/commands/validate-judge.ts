// Judges one record after another into a summary: the per-record work of `validate`, shared by the command and its worker threads.
import {
  createEvaluator,
  detectKind,
  InputError,
  parseRecord,
  recordRef,
  Summarizer,
  type Evaluator,
  type RawRecord,
  type RecordRef,
} from '../../conformance/engine/index.js';
import type { Rule, RuleContext, RuleResult } from '../../conformance/rules/rule.js';
import type { PayloadKind } from '../../conformance/model/payloads.js';
import { schemaJudge, type SchemaJudge } from './validate-schema.js';

/** Everything a judge needs, plain data so that it crosses to a worker thread. */
export interface JudgeSettings {
  /** Rule ids already checked against the catalogue (undefined: every rule). */
  only?: string[];
  /** Payload type of every record (else detected per record). */
  type?: PayloadKind;
  /** The context applied to every record (from --context, with its judging date). */
  baseContext: RuleContext;
  /** --today, which wins over every record's own date. */
  forcedToday?: string;
  /** A record's own context is merged with the base one (with --context or --today); else used as it is. */
  mergeEachContext: boolean;
  maxFindings: number;
}

export class RecordJudge {
  readonly summarizer: Summarizer;
  private current: RecordRef = { line: 0, index: 0, kind: 'cerfa' };
  // One visit function for the whole run: the hot loop allocates nothing but the record's reference.
  private readonly visit = (rule: Rule<any>, result: RuleResult, position: number): void =>
    this.summarizer.add(this.current, rule, result, position);

  private constructor(
    private readonly settings: JudgeSettings,
    readonly evaluator: Evaluator,
    private readonly judgeSchema: SchemaJudge | undefined,
  ) {
    this.summarizer = new Summarizer(evaluator.rules, { maxFindings: settings.maxFindings });
  }

  /** A judge; the spec's request schemas are compiled only when the rule that reports them is selected. */
  static async create(settings: JudgeSettings, evaluator: Evaluator = createEvaluator({ only: settings.only })): Promise<RecordJudge> {
    const schema = evaluator.rules.some((rule) => rule.id === 'schema-conforme-spec') ? await schemaJudge() : undefined;
    return new RecordJudge(settings, evaluator, schema);
  }

  /** Parses and judges one record (its position in its input is `index`). Throws `InputError` for an unreadable one. */
  judge(raw: RawRecord, file: string, index: number): void {
    const { baseContext, forcedToday, mergeEachContext, type } = this.settings;
    const record = parseRecord(raw);
    const kind = type ?? record.kind ?? detectKind(record.payload);
    if (kind === undefined) {
      throw new InputError(raw.line, 'cannot tell the payload type (not a CERFA, facture, convention or certificat); use --type');
    }
    const own = record.context;
    const recordContext =
      own === undefined
        ? baseContext
        : !mergeEachContext && own.today !== undefined
          ? own
          : { ...baseContext, ...own, today: forcedToday ?? own.today ?? baseContext.today };
    const erreursSchema = this.judgeSchema?.(record.payload, kind);
    const context = erreursSchema === undefined ? recordContext : { ...recordContext, erreursSchema };
    this.current = recordRef(record.payload, kind, { file, line: raw.line, index });
    this.summarizer.addRecord(this.current);
    this.evaluator.run(record.payload, kind, context, this.visit);
  }
}
