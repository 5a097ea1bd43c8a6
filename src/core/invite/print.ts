/**
 * The print-ready document of an invitation run: the letters of partners without a usable email, one
 * per page, in one document per event, added partner by partner so that the run can stop at the soft
 * deadline between any two and a kill leaves the journal telling the truth. Per partner:
 *
 *   claim `отправляется` (durable; with the document's link once there is one)
 *   → add the letter (the first starts the document, each next one is appended to it and saved)
 *   → `сделано` with the document's link.
 *
 * A later run (the trigger's continuation) appends to the same document: its link is the one the
 * journal's latest printed letter of the event names. A run killed between a claim and its record
 * leaves `отправляется`, which the next run turns into `требует проверки` like an email (the letter
 * may be in the document or not: a person looks, and «Отправить повторно» adds it again on purpose);
 * it is never added again by itself, so no letter is printed twice. A failure before the document
 * changed is `ошибка` and is retried next run; one that may have changed it (`UncertainEffectError`)
 * is `требует проверки` too. A kill while the first letter starts the document may leave a document
 * with that letter only: the next run starts another one for the rest.
 */
import type { DocumentPort, Runtime } from '../../ports';
import { runMsg } from '../../messages/letters';
import type { Partner } from '../data/records';
import { JOURNAL_STATUS } from '../data/schema';
import { errorText, UncertainEffectError } from '../errors';
import type { Values } from '../letters/fields';
import { numbered, type DeliveryResult, type ItemError } from '../run/delivery';
import { ACTION_LABEL, type Journal } from '../run/journal';

export interface PrintItem {
  partner: Partner;
  values: Values;
  key: string;
}

export interface PrintOptions {
  /** The event's ID (the journal's scope). */
  scope: string;
  folder: string;
  name: string;
  softDeadlineMs: number;
  startMs: number;
}

export interface PrintResult {
  printed: number;
  /** The print-ready document's link ('' when none was started or found). */
  link: string;
  errors: ItemError[];
  /** Partners whose letters were found needing a check after a failure that may have added them. */
  uncertain: Partner[];
  stopped: DeliveryResult['stopped'];
}

/** The document the latest printed letter of this event went into, or '' when none did. */
export function bundleLink(journal: Journal, scope: string): string {
  let best: { row: number; link: string } | null = null;
  for (const e of journal.entries()) {
    if (e.action !== ACTION_LABEL.invite || e.event !== scope || e.address !== '' || e.status !== JOURNAL_STATUS.made || e.document === '') continue;
    if (!best || e.row > best.row) best = { row: e.row, link: e.document };
  }
  return best?.link ?? '';
}

export function printLetters(rt: Runtime, documents: DocumentPort, journal: Journal, items: PrintItem[], options: PrintOptions): PrintResult {
  const result: PrintResult = { printed: 0, link: bundleLink(journal, options.scope), errors: [], uncertain: [], stopped: null };
  let added = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (rt.clock.nowMs() - options.startMs >= options.softDeadlineMs) {
      result.stopped = { reason: 'deadline', left: items.length - i, partners: items.slice(i).map((x) => x.partner.id) };
      break;
    }
    rt.progress.report(i, items.length, item.partner.organisation);
    const entry = journal.add({
      action: ACTION_LABEL.invite,
      key: item.key,
      event: options.scope,
      partner: item.partner.id,
      address: '',
      status: JOURNAL_STATUS.sending,
      document: result.link,
      message: runMsg.printNote,
    }, true);
    // The outgoing number the claim took goes into the letter (`Рег_номер`).
    const values = numbered(item.values, entry.number ?? '');
    let done = false;
    try {
      if (result.link === '') result.link = documents.startBundle('invitation', values, options.folder, options.name).link;
      else documents.appendToBundle('invitation', result.link, values, options.folder);
      done = added = true;
      journal.update(entry, JOURNAL_STATUS.made, { document: result.link, message: runMsg.printNote });
    } catch (e) {
      const message = errorText(e);
      result.errors.push({ who: item.partner.organisation, message });
      const uncertain = !done && e instanceof UncertainEffectError;
      if (uncertain) result.uncertain.push(item.partner);
      try {
        // After the letter went in, only the record failed: it is made, and must not be added again.
        const status = done ? JOURNAL_STATUS.made : uncertain ? JOURNAL_STATUS.needsCheck : JOURNAL_STATUS.failed;
        journal.update(entry, status, { document: result.link, message: done ? runMsg.printNote : message });
      } catch {
        // The row stays `отправляется`; the next run marks it `требует проверки`.
      }
    }
    if (done) result.printed++;
  }
  // The counter in «Настройки» moves past the numbers these claims took.
  journal.saveNumbers();
  if (!result.stopped && added && documents.finishBundle) {
    try {
      documents.finishBundle(result.link);
    } catch (e) {
      result.errors.push({ who: runMsg.printWho, message: errorText(e) });
    }
  }
  if (!result.stopped) rt.progress.report(items.length, items.length, '');
  return result;
}
