/** Finding records by what staff type: an ID, whatever its case. */
import type { EventRecord, WorkbookData } from './records';

export function findEvent(data: WorkbookData, eventId: string): EventRecord | undefined {
  const wanted = eventId.trim().toLowerCase();
  return data.events.find((e) => e.id.toLowerCase() === wanted);
}
