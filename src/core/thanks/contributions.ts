/**
 * The sentence(s) of a thank-you letter that list what a partner did, grouped by event, with amounts.
 * Each `Что сделано` is an item of a list after «:» or «—», in the nominative as staff type it
 * (`listItemPhrase` says why, and puts an old accusative phrase back into the nominative).
 */
import { thanksMsg } from '../../messages/thanks';
import type { Contribution, EventRecord } from '../data/records';
import { compareDates, formatDateLong, formatMoney, listItemPhrase } from '../russian';

/** The sentence(s) listing what a partner did, grouped by event, with amounts. */
export function contributionText(items: { event: EventRecord; contribution: Contribution }[]): string {
  const byEvent = new Map<string, { event: EventRecord; parts: string[]; amount: number }>();
  const ordered = [...items].sort((a, b) => compareDates(a.event.date, b.event.date) || a.contribution.row - b.contribution.row);
  let total = 0;
  let amounts = 0;
  for (const { event, contribution } of ordered) {
    const group = byEvent.get(event.id) ?? { event, parts: [], amount: 0 };
    let part = listItemPhrase(contribution.what) || thanksMsg.resourcePhrase[contribution.resource];
    if (contribution.amount !== null && contribution.amount > 0) {
      part += ` (${formatMoney(contribution.amount)})`;
      total += contribution.amount;
      amounts++;
    }
    if (!group.parts.includes(part)) group.parts.push(part);
    byEvent.set(event.id, group);
  }
  const groups = [...byEvent.values()];
  // Between events «;» separates, so the items of one event are joined by commas there.
  const what = (g: (typeof groups)[number]) => (groups.length === 1 ? thanksMsg.whatList(g.parts) : g.parts.join(', '));
  let text =
    groups.length === 1
      ? thanksMsg.forOne(groups[0].event.title, formatDateLong(groups[0].event.date), what(groups[0]))
      : thanksMsg.forMany(groups.map((g) => thanksMsg.eventLine(g.event.title, formatDateLong(g.event.date), what(g))));
  if (amounts > 1) text += ` ${thanksMsg.total(formatMoney(total))}`;
  return text;
}
