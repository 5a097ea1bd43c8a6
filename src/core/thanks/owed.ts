/** «Кому ещё не сказали спасибо»: contributions to held events that have no thank-you date yet. */
import type { Runtime } from '../../ports';
import { thanksMsg } from '../../messages/thanks';
import { COL, EVENT_STATUS, SHEET } from '../data/schema';
import { workbookData } from '../data/snapshot';
import { columnLetter } from '../data/table';
import { compareDates, compareText, daysBetween, formatDateLong, formatMoney } from '../russian';

export interface OwedThanks {
  partnerId: string;
  organisation: string;
  eventId: string;
  event: string;
  date: string;
  what: string;
  amount: string;
  /** Days since the event. */
  ageDays: number;
  /** `Вклад!E12` */
  address: string;
}

/** «Кому ещё не сказали спасибо»: held events' contributions without a thank-you date, oldest first. */
export function owedThanks(rt: Runtime): OwedThanks[] {
  const data = workbookData(rt.workbook);
  const today = rt.clock.today();
  const events = new Map(data.events.map((e) => [e.id, e]));
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const owed: OwedThanks[] = [];
  for (const c of data.contributions) {
    const event = events.get(c.eventId);
    const partner = partners.get(c.partnerId);
    if (!event || !partner || c.thanked || event.status === EVENT_STATUS.cancelled || compareDates(event.date, today) > 0) continue;
    owed.push({
      partnerId: partner.id,
      organisation: partner.organisation,
      eventId: event.id,
      event: event.title,
      date: formatDateLong(event.date),
      what: c.what || thanksMsg.resourcePhrase[c.resource],
      amount: c.amount !== null && c.amount > 0 ? formatMoney(c.amount) : '',
      ageDays: daysBetween(event.date, today),
      address: `${SHEET.contributions}!${data.columns[SHEET.contributions]?.[COL.what] ? columnLetter(data.columns[SHEET.contributions][COL.what]) : 'A'}${c.row}`,
    });
  }
  return owed.sort((a, b) => b.ageDays - a.ageDays || compareText(a.organisation, b.organisation) || compareText(a.eventId, b.eventId));
}
