/** Finding records by what staff type: an ID, whatever its case and whether a look-alike letter is Latin. */
import type { EventRecord, WorkbookData } from './records';
import { sameId } from '../russian';

/** The event with this ID: exactly (case aside), else the one it names with Latin look-alike letters. */
export function findEvent(data: WorkbookData, eventId: string): EventRecord | undefined {
  const wanted = eventId.trim().toLowerCase();
  const exact = data.events.find((e) => e.id.toLowerCase() === wanted);
  if (exact) return exact;
  const alike = data.events.filter((e) => sameId(e.id, eventId));
  return alike.length === 1 ? alike[0] : undefined;
}

/** True when the ID was found only by reading its Latin look-alike letters as Cyrillic. */
export function typedWithLatin(typed: string, found: { id: string }): boolean {
  return typed.trim().toLowerCase() !== found.id.toLowerCase();
}

/** An event row left out because it cannot be used (its date does not read …), by the ID typed. */
export function unusableEvent(data: WorkbookData, eventId: string): { id: string; title: string; row: number } | undefined {
  return data.unusableEvents.find((e) => sameId(e.id, eventId));
}
