/** What a thank-you run asks for, and the period it covers: one event or an academic year. */
import type { LocalDate } from '../../ports';
import { runMsg } from '../../messages/letters';
import { thanksMsg } from '../../messages/thanks';
import { academicYearOf, inYear, parseAcademicYear, parseYearStart, type AcademicYear } from '../data/academic-year';
import { findEvent } from '../data/find';
import type { EventRecord, WorkbookData } from '../data/records';
import { formatDateLong } from '../russian';

export interface ThanksRequest {
  eventId?: string;
  /** `2025/2026` */
  year?: string;
  sponsorsOnly?: boolean;
  /** Make the letters again although the journal says they were made («Сделать заново»). */
  redo?: boolean;
  /** Like `redo`, for these partners only: what a continued «Сделать заново» run has not reached yet. */
  redoPartners?: string[];
  /**
   * When the «Сделать заново» job was started (journal time): a partner whose journal row is newer
   * was redone by this job already (an execution killed after it), and is not made again.
   */
  redoSince?: string;
  /** Email the letters to partners who have an address. */
  email?: boolean;
}

export interface ThanksPeriod {
  /** Journal scope: the event ID or the year label. */
  scope: string;
  /** `в 2025/2026 учебном году` / `при проведении мероприятия «День матери» (27 ноября 2025 г.)` */
  text: string;
  label: string;
  includes: (event: EventRecord) => boolean;
}

export function resolvePeriod(data: WorkbookData, request: ThanksRequest, today: LocalDate): ThanksPeriod | { error: string } {
  const start = parseYearStart(data.settings.yearStart);
  if (request.eventId) {
    const event = findEvent(data, request.eventId);
    if (!event) return { error: runMsg.noEvent(request.eventId) };
    return {
      scope: event.id,
      text: thanksMsg.periodEvent(event.title, formatDateLong(event.date)),
      label: `${event.title} — ${formatDateLong(event.date)}`,
      includes: (e) => e.id === event.id,
    };
  }
  const year: AcademicYear | null = request.year ? parseAcademicYear(request.year, start) : academicYearOf(today, start);
  if (!year) return { error: thanksMsg.badYear(request.year ?? '') };
  return { scope: year.label, text: thanksMsg.periodYear(year.label), label: thanksMsg.yearLabel(year.label), includes: (e) => inYear(e.date, year) };
}
