/** The event picker of the dialogs and the command line: which events, in which order, which first. */
import { EVENT_STATUS } from '../data/schema';
import type { Runtime } from '../../ports';
import { workbookData } from '../data/snapshot';
import { compareDates, formatDateLong } from '../russian';

export interface EventChoice {
  id: string;
  title: string;
  date: string;
  upcoming: boolean;
}

/** Events for the picker: not cancelled, upcoming first (nearest first), then past (latest first). */
export function listEvents(rt: Runtime): EventChoice[] {
  const data = workbookData(rt.workbook);
  const today = rt.clock.today();
  const events = data.events.filter((e) => e.status !== EVENT_STATUS.cancelled);
  const upcoming = events.filter((e) => compareDates(e.date, today) >= 0).sort((a, b) => compareDates(a.date, b.date));
  const past = events.filter((e) => compareDates(e.date, today) < 0).sort((a, b) => compareDates(b.date, a.date));
  return [...upcoming, ...past].map((e) => ({ id: e.id, title: e.title, date: formatDateLong(e.date), upcoming: compareDates(e.date, today) >= 0 }));
}

/** The event a dialog opens with: the one in the active row of «Мероприятия», else the next upcoming. */
export function defaultEventId(rt: Runtime, events: { id: string; upcoming: boolean }[], activeRow: number | null): string {
  if (activeRow !== null) {
    const event = workbookData(rt.workbook).events.find((e) => e.row === activeRow);
    if (event && events.some((e) => e.id === event.id)) return event.id;
  }
  return (events.find((e) => e.upcoming) ?? events[0])?.id ?? '';
}
