/**
 * The closing sentences of a thank-you letter (`{{Заключение}}`), chosen from what the partner really
 * did: a sentence per kind of help given (`Ресурс`, at most two, the weightiest first), one about
 * veterans only when an event thanked for was theirs, and a wish that fits whom the letter thanks
 * (a family, a person, a person and their collective, a collective).
 */
import { closingMsg } from '../../messages/requisites';
import type { Contribution, EventRecord, Partner } from '../data/records';
import { RESOURCES, type Resource } from '../data/schema';
import { thanksAudience } from '../letters/fields';

/** Which kinds of help come first when a partner gave several: the order of their sentences in `closingMsg`. */
const WEIGHT = Object.keys(closingMsg.byResource) as Resource[];
const MAX_RESOURCE_SENTENCES = 2;

export function closingText(partner: Partner, items: readonly { event: EventRecord; contribution: Contribution }[]): string {
  const events = [...new Map(items.map((x) => [x.event.id, x.event])).values()];
  const scope = { title: events.length === 1 ? events[0].title.trim() : null };
  const given = new Set(items.map((x) => x.contribution.resource));
  const sentences = [...WEIGHT, ...RESOURCES.filter((r) => !WEIGHT.includes(r))]
    .filter((r) => given.has(r))
    .slice(0, MAX_RESOURCE_SENTENCES)
    .map((r) => closingMsg.byResource[r](scope));
  if (events.some((e) => closingMsg.veteransPattern.test([e.title, e.audience, e.description].join(' ')))) sentences.push(closingMsg.veterans);
  const audience = thanksAudience(partner);
  sentences.push(
    audience === 'family'
      ? closingMsg.wishFamily
      : audience === 'personAndCollective'
        ? closingMsg.wishPersonAndCollective
        : audience === 'person'
          ? closingMsg.wishPerson
          : closingMsg.wishCollective,
  );
  return sentences.join(' ');
}
