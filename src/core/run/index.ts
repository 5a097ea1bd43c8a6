/**
 * The run of a letter job, shared by invitations and thank-you letters: the delivery loop (claim →
 * make → send → record), the journal that is the truth about what was sent and made, and the run's
 * typed outcome and summary. Continuation across executions is in `../jobs.ts`, above the jobs.
 */
export { deliver, type DeliveryOptions, type DeliveryResult, type LetterItem } from './delivery';
export { ACTION_LABEL, DONE, isDone, Journal, journalKey, markUnknown, openJournal, parseJournalKey, type JournalAction, type LetterKey } from './journal';
export { failedRun, lockedRun, refusedRun, settle, startedRun, summarizeRun, type RunLimits, type RunOutcome, type RunReport } from './outcome';
