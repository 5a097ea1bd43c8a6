/** A thank-you request as a dialog sends it, reduced to the fields it may have. */
import type { ThanksRequest } from './period';

/** Only the fields a thank-you request has, with their types (a dialog could send anything). */
export function thanksRequestFrom(raw: unknown): ThanksRequest {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const request: ThanksRequest = { sponsorsOnly: r.sponsorsOnly === true, redo: r.redo === true, email: r.email === true };
  const eventId = text(r.eventId);
  const year = text(r.year);
  if (eventId) request.eventId = eventId;
  else if (year) request.year = year;
  return request;
}

