// Public entry of the rule engine: evaluation, kind detection, summaries, severities, record splitting, redaction.
export {
  evaluate,
  createEvaluator,
  checkRule,
  UnknownRuleError,
  type Evaluator,
  type EvaluateOptions,
  type RuleEvaluation,
  type Visit,
} from './evaluate.js';
export { detectKind, isPayloadKind, PAYLOAD_KINDS } from './kind.js';
export { SEVERITIES, atOrAbove, isSeverity, bySeverityDesc } from './severity.js';
export {
  Summarizer,
  summarize,
  recordRef,
  hasFindingsAtOrAbove,
  type RecordRef,
  type Finding,
  type OutcomeCounts,
  type RuleSummary,
  type ValidationSummary,
  type SummaryOptions,
  type SummaryMeta,
} from './summary.js';
export { RecordSplitter, parseRecord, isBlankLine, ndjsonRecords, InputError, MAX_RECORD_CHARS, type RawRecord, type ParsedRecord } from './records.js';
export { redactResult, personalKind, scrubText } from './redaction.js';
