/**
 * «Проверить данные»: reads everything once, fills blank IDs, reports every problem with its cell,
 * and marks problem cells with notes. Notes from an earlier check that no longer apply are removed;
 * notes the staff wrote themselves are never touched.
 */
import type { CellNote, WorkbookPort } from '../../ports';
import { checkMsg, dataMsg, NOTE_PREFIX } from '../../messages/data';
import { workbookData } from './snapshot';
import type { Problem, WorkbookData } from './records';
import { SHEET_SPECS } from './schema';
import { writeAssignedIds } from './setup';

export interface CheckReport {
  problems: Problem[];
  assignedIds: number;
  data: WorkbookData;
  /** Russian text: the verdict, then the first problems with their addresses. */
  summary: string;
}

/** How many problems the summary lists before «…и ещё N». */
export const SUMMARY_LIMIT = 20;

export function formatProblem(p: Problem): string {
  return `${p.address}: ${p.message}`;
}

function updateNotes(wb: WorkbookPort, problems: Problem[]): void {
  const present = new Set(wb.sheetNames());
  for (const spec of SHEET_SPECS) {
    if (!present.has(spec.name)) continue;
    const wanted = new Map<string, CellNote>();
    for (const p of problems) {
      if (p.sheet !== spec.name || p.row <= 0 || p.col <= 0) continue;
      const key = `${p.row}:${p.col}`;
      const note = wanted.get(key);
      if (note) note.note += `\n${p.message}`;
      else wanted.set(key, { row: p.row, col: p.col, note: dataMsg.problemNote([p.message]) });
    }
    const changes: CellNote[] = [];
    const existing = wb.readNotes(spec.name);
    existing.forEach((row, r) =>
      row.forEach((note, c) => {
        const key = `${r + 1}:${c + 1}`;
        const want = wanted.get(key);
        if (want) {
          if (note !== want.note && (note === '' || note.startsWith(NOTE_PREFIX))) changes.push(want);
          wanted.delete(key);
        } else if (note.startsWith(NOTE_PREFIX)) changes.push({ row: r + 1, col: c + 1, note: '' });
      }),
    );
    // Problems on cells outside the read range, or whose cell holds a user's note: add ours only
    // where the cell has no note of the user's.
    for (const [key, note] of wanted) {
      const [r, c] = key.split(':').map(Number);
      const current = existing[r - 1]?.[c - 1] ?? '';
      if (current === '' || current.startsWith(NOTE_PREFIX)) changes.push(note);
    }
    if (changes.length > 0) wb.setNotes(spec.name, changes);
  }
}

export function summarize(problems: Problem[], data: WorkbookData, assignedIds: number): string {
  const lines: string[] = [];
  if (problems.length === 0) lines.push(checkMsg.clean(data.partners.length, data.events.length, data.contributions.length));
  else {
    lines.push(checkMsg.found(problems.length));
    for (const p of problems.slice(0, SUMMARY_LIMIT)) lines.push(formatProblem(p));
    if (problems.length > SUMMARY_LIMIT) lines.push(checkMsg.more(problems.length - SUMMARY_LIMIT));
  }
  if (assignedIds > 0) lines.push(checkMsg.assignedIds(assignedIds));
  if (problems.some((p) => p.row > 0 && p.col > 0)) lines.push(checkMsg.notesHint);
  return lines.join('\n');
}

export function runCheck(wb: WorkbookPort): CheckReport {
  const data = workbookData(wb);
  const assignedIds = writeAssignedIds(wb, data.assignedIds);
  updateNotes(wb, data.problems);
  return { problems: data.problems, assignedIds, data, summary: summarize(data.problems, data, assignedIds) };
}
