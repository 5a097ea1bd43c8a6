/**
 * Print and post: the invitations that go on paper (partners without email) get, besides their
 * print-ready document, envelopes — one per page, from the envelope template setup makes (DL or C5,
 * landscape; the centre as the sender top left, the recipient bottom right) — and a register of the
 * letters to deliver (реестр: №, partner, address, phone, letter number, a column to sign). Both are
 * documents of the same run; nothing is sent, so nothing here is journaled.
 *
 * When they are made: right after the print-ready document, in the same execution. The partners
 * whose letters went into it are noted in the store first (`notePendingPost`), so a run that is
 * killed, or that reaches the soft deadline, before its envelopes and register are done leaves them
 * for the continuation or the next run of the same event: `finishPost` makes them for every noted
 * partner whose letter the journal shows as made for print, then forgets the note. Past the soft
 * deadline it makes nothing and asks for a continuation (the run stops with nothing left to send).
 */
import type { DocModel, DocumentPort, PageSetup, Runtime, StorePort } from '../../ports';
import { postDocMsg, postFieldMsg, postRunMsg, registerMsg } from '../../messages/post';
import { postalIndex, withoutIndex } from './envelope';
import type { EventRecord, JournalEntry, Partner, Settings } from '../data/records';
import { JOURNAL_STATUS } from '../data/schema';
import { errorText } from '../errors';
import { centreValues, eventValues, partnerValues, type Values } from '../letters/fields';
import { checkTemplate } from '../letters/fill';
import { PLACEHOLDERS } from '../letters/templates';
import type { RunLimits, RunReport } from '../run/outcome';
import { journalKey, type Journal } from '../run/journal';
import { formatDateLong, typeset } from '../russian';

/** The fields of one envelope: the letter's own values, the recipient and the sender. */
export function envelopeValues(letter: Values, partner: Partner, settings: Settings): Values {
  return {
    ...letter,
    Кому: letter.Адресат ?? '',
    Куда: typeset(withoutIndex(partner.address)),
    Индекс: postalIndex(partner.address),
    Откуда: typeset(withoutIndex(settings.address)),
    Индекс_отправителя: postalIndex(settings.address),
  };
}

/**
 * A template without `{{Адрес}}` (one made before the field existed) still shows the address on a
 * printed letter: it goes under the addressee block. A template with the field needs nothing.
 */
export function withPostalAddress(values: Values, used: readonly string[]): Values {
  const address = (values.Адрес ?? '').trim();
  if (used.includes(postFieldMsg.address) || !used.includes(postFieldMsg.addressee) || address === '') return values;
  return { ...values, Адресат: `${values.Адресат ?? ''}\n${address}` };
}

/** Placeholders that may be empty in a letter: the template check does not stop the run on them. */
export function optionalPlaceholders(kind: 'invitation' | 'thanks' | 'envelope'): string[] {
  return PLACEHOLDERS[kind].filter((p) => p.optional === true).map((p) => p.name);
}

/**
 * Values the registration number of a letter may come under, and the journal field: the register's
 * column fills from whichever a letter has (empty when the journal has no numbers).
 */
export function letterNumber(entry: JournalEntry | undefined, values: Values): string {
  const fromJournal = entry ? (entry as unknown as Record<string, unknown>).number : undefined;
  if (typeof fromJournal === 'string' && fromJournal.trim() !== '') return fromJournal.trim();
  for (const field of postFieldMsg.numbers) if ((values[field] ?? '').trim() !== '') return values[field].trim();
  return '';
}

export interface PostItem {
  partner: Partner;
  values: Values;
  number: string;
}

const REGISTER_PAGE: PageSetup = { widthMm: 297, heightMm: 210, margins: { top: 15, right: 12, bottom: 15, left: 20 }, fontPt: 12 };

/** The register: one row per letter, in sheet order, with a column for the recipient's signature. */
export function registerModel(items: PostItem[], event: EventRecord, settings: Settings, today: string): DocModel {
  const title = typeset(`«${event.title}»`);
  const performer = typeset(settings.performerName.trim());
  return {
    title: registerMsg.title(event.title),
    page: REGISTER_PAGE,
    blocks: [
      { kind: 'paragraph', text: registerMsg.heading, align: 'center', bold: true },
      { kind: 'paragraph', text: typeset(registerMsg.subtitle(settings.centreShort.trim(), title, formatDateLong(event.date))), align: 'center' },
      { kind: 'paragraph', text: registerMsg.date(today), align: 'left' },
      {
        kind: 'table',
        header: [...registerMsg.header],
        rows: items.map((item, i) => [
          String(i + 1),
          [item.values.Организация || typeset(item.partner.organisation), typeset(item.partner.contact.trim())].filter(Boolean).join('\n'),
          item.values.Адрес ?? typeset(item.partner.address.trim()),
          typeset(item.partner.phone.trim()),
          item.number,
          '',
        ]),
        widths: [5, 24, 27, 14, 10, 20],
        align: ['right', 'left', 'left', 'left', 'left', 'left'],
      },
      { kind: 'paragraph', text: registerMsg.total(items.length), align: 'left' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: registerMsg.handedOver(performer), align: 'left' },
      { kind: 'paragraph', text: registerMsg.received, align: 'left' },
    ],
  };
}

// ------------------------------------------------------------------------------- in a run

const pendingKey = (eventId: string) => `partnerstvo.post|${eventId.trim().toLowerCase()}`;

function readPending(store: StorePort, eventId: string): string[] {
  const raw = store.get(pendingKey(eventId));
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Notes, before their print-ready document is made, whose letters need envelopes and a register line. */
export function notePendingPost(store: StorePort, eventId: string, partnerIds: string[]): void {
  const pending = readPending(store, eventId);
  for (const id of partnerIds) if (!pending.includes(id)) pending.push(id);
  store.set(pendingKey(eventId), JSON.stringify(pending));
}

export interface PostContext {
  documents: DocumentPort;
  journal: Journal;
  event: EventRecord;
  partners: Partner[];
  settings: Settings;
  folder: string;
}

/**
 * Makes the envelopes and the register for the noted print letters of the event (see the module
 * comment): the links and counts go into the report, problems into its errors, partners with no
 * address or index into its notes.
 */
export function finishPost(rt: Runtime, ctx: PostContext, report: RunReport, limits: RunLimits): void {
  const pending = readPending(rt.store, ctx.event.id);
  if (pending.length === 0 || report.stopped) return;
  if (rt.clock.nowMs() - limits.startMs >= limits.softDeadlineMs) {
    report.postDeferred = true;
    report.stopped = { reason: 'deadline', left: 0, partners: [] };
    return;
  }
  const today = rt.clock.today();
  const base: Values = { ...centreValues(ctx.settings, today), ...eventValues(ctx.event) };
  const items: PostItem[] = [];
  for (const partner of ctx.partners) {
    if (!pending.includes(partner.id)) continue;
    const entry = ctx.journal.latest(journalKey('invite', ctx.event.id, partner.id));
    // Only letters the journal shows as made for print (no email address): not one that failed.
    if (!entry || entry.status !== JOURNAL_STATUS.made || entry.address !== '') continue;
    const values = { ...base, ...partnerValues(partner) };
    items.push({ partner, values, number: letterNumber(entry, values) });
  }
  let done = true;
  if (items.length > 0) {
    const envelopes = makeEnvelopes(rt, ctx, items, report, limits);
    // Cut by the soft deadline: the note stays, and the continuation makes envelopes and register anew.
    if (envelopes === 'deferred') return;
    done = envelopes === 'done';
    try {
      const register = ctx.documents.render(registerModel(items, ctx.event, ctx.settings, base.Дата_письма), ctx.folder, postDocMsg.register(ctx.event.title));
      report.registerLink = register.link;
      report.registered = items.length;
    } catch (e) {
      report.errors.push({ who: postRunMsg.registerWho, message: errorText(e) });
      done = false;
    }
  }
  // A failure leaves the note: the next run of the event makes them again once the cause is fixed.
  if (done) rt.store.delete(pendingKey(ctx.event.id));
}

/**
 * The envelopes document, an envelope per page, checked against the soft deadline between envelopes
 * (each is a copy, a fill and an append in Google Docs). Cut by it, the run stops and the continuation
 * makes the whole document again; the part made so far stays in the folder under the same name.
 */
function makeEnvelopes(rt: Runtime, ctx: PostContext, items: PostItem[], report: RunReport, limits: RunLimits): 'done' | 'failed' | 'deferred' {
  const withAddress = items.filter((i) => i.partner.address.trim() !== '');
  const noAddress = items.filter((i) => i.partner.address.trim() === '').map((i) => i.partner.organisation);
  if (noAddress.length > 0) report.postNotes.push(postRunMsg.noAddress(noAddress));
  if (withAddress.length === 0) return 'done';
  const noIndex = withAddress.filter((i) => postalIndex(i.partner.address) === '').map((i) => i.partner.organisation);
  if (noIndex.length > 0) report.postNotes.push(postRunMsg.noIndex(noIndex));
  if (ctx.settings.address.trim() !== '' && postalIndex(ctx.settings.address) === '') report.postNotes.push(postRunMsg.noCentreIndex);
  try {
    const values = withAddress.map((i) => envelopeValues(i.values, i.partner, ctx.settings));
    const used = ctx.documents.templatePlaceholders('envelope');
    const known = PLACEHOLDERS.envelope.map((p) => p.name);
    const optional = optionalPlaceholders('envelope');
    const problems = checkTemplate(used, known, values.map((v, i) => ({ who: withAddress[i].partner.organisation, values: v })))
      .filter((p) => !optional.includes(p.placeholder))
      .map((p) => p.message);
    if (problems.length > 0) {
      report.errors.push({ who: postRunMsg.envelopesWho, message: [postRunMsg.envelopeTemplateProblems, ...problems].join(' ') });
      return 'failed';
    }
    let link = '';
    for (const v of values) {
      if (link !== '' && rt.clock.nowMs() - limits.startMs >= limits.softDeadlineMs) {
        report.postDeferred = true;
        report.stopped = { reason: 'deadline', left: 0, partners: [] };
        return 'deferred';
      }
      if (link === '') link = ctx.documents.startBundle('envelope', v, ctx.folder, postDocMsg.envelopes(ctx.event.title)).link;
      else ctx.documents.appendToBundle('envelope', link, v, ctx.folder);
    }
    ctx.documents.finishBundle?.(link);
    report.envelopeLink = link;
    report.envelopes = withAddress.length;
    return 'done';
  } catch (e) {
    report.errors.push({ who: postRunMsg.envelopesWho, message: errorText(e) });
    return 'failed';
  }
}
