/**
 * The letter loop shared by invitations and thank-you letters: for each item not yet done,
 * claim it in the journal (durable) → make the letter → send it → record the result.
 *
 * Crash-safety: nothing is sent before its claim row is durable; a run killed after the claim
 * leaves `отправляется`, which the next run turns into `требует проверки` and never resends.
 * A failure before the send records `ошибка` (the next run retries it); a failure after the send
 * never records `ошибка`, so a letter that went out is never sent again. A mailer that only prepares
 * (`MailPort.prepareOnly`) makes the result `подготовлено`. A document maker that can make letters
 * ahead (`DocumentPort.prepare`) is given the coming ones before their claims: a letter made but
 * never claimed was not sent, and is only made again.
 *
 * Each claim takes the next outgoing registration number (`./numbering.ts`), and the letter is made
 * with it (`Рег_номер`): the number is in the journal before the letter exists.
 */
import { JOURNAL_STATUS } from '../data/schema';
import type { Attachment, DocumentPort, MailMessage, Runtime, TemplateKind } from '../../ports';
import { errorText } from '../errors';
import { ACTION_LABEL, type Journal, type JournalAction } from './journal';
import type { Values } from '../letters/fields';
import type { Partner } from '../data/records';
import { NUMBER_PLACEHOLDER } from './numbering';

export interface LetterItem {
  key: string;
  partner: Partner;
  /** The journal's `Мероприятие` column: event ID or academic year. */
  scope: string;
  values: Values;
  /** Recipients; empty when the letter is only made (no email). */
  to: string[];
  docName: string;
  /** Builds the email once the letter exists; null when the letter is not emailed. */
  mail: ((attachments: Attachment[]) => MailMessage) | null;
  /** Runs after the letter is recorded as done (e.g. dating the thanked contributions). */
  afterDone?: () => void;
}

export interface DeliveryOptions {
  action: JournalAction;
  kind: TemplateKind;
  folder: string;
  attachPdf: boolean;
  /** Stop before starting an item once this many ms have passed since `startMs`. */
  softDeadlineMs: number;
  startMs: number;
}

export interface ItemError {
  who: string;
  message: string;
}

export interface DeliveryResult {
  sent: number;
  /** Emailed letters whose email was only prepared (`MailPort.prepareOnly`): `подготовлено`. */
  prepared: number;
  made: number;
  errors: ItemError[];
  /** Why the loop stopped early, how many items were left, and whose (partner IDs, in order). */
  stopped: { reason: 'deadline' | 'quota'; left: number; partners: string[] } | null;
}

/** The letter's values with the registration number its claim took (none: as they were). */
export function numbered(values: Values, number: string): Values {
  return number ? { ...values, [NUMBER_PLACEHOLDER]: number } : values;
}

export function deliver(rt: Runtime, documents: DocumentPort, journal: Journal, items: LetterItem[], options: DeliveryOptions): DeliveryResult {
  const result: DeliveryResult = { sent: 0, prepared: 0, made: 0, errors: [], stopped: null };
  // What a letter that went to the mailer becomes: sent, or (offline without SMTP) only prepared.
  const mailedStatus = rt.mail.prepareOnly ? JOURNAL_STATUS.prepared : JOURNAL_STATUS.sent;
  let quota = items.some((i) => i.mail && i.to.length > 0) ? rt.mail.remainingQuota() : null;
  // Letters the document maker made ahead (offline: PDFs converted in batches), up to this index.
  let preparedUntil = 0;
  let prepares = typeof documents.prepare === 'function';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const emails = item.mail && item.to.length > 0;
    if (rt.clock.nowMs() - options.startMs >= options.softDeadlineMs) {
      result.stopped = { reason: 'deadline', left: items.length - i, partners: items.slice(i).map((x) => x.partner.id) };
      break;
    }
    if (emails && quota !== null && quota < item.to.length) {
      result.stopped = { reason: 'quota', left: items.length - i, partners: items.slice(i).map((x) => x.partner.id) };
      break;
    }
    rt.progress.report(i, items.length, item.partner.organisation);
    if (prepares && i >= preparedUntil) {
      try {
        // With the numbers their claims will take (numbers go in claim order, one per claim).
        const coming = items.slice(i);
        const numbers = journal.nextNumbers(coming.length);
        const made = documents.prepare?.(options.kind, options.folder, coming.map((x, j) => ({ values: numbered(x.values, numbers[j]), name: x.docName }))) ?? 0;
        if (made > 0) preparedUntil = i + made;
        else prepares = false;
      } catch {
        // Making ahead is only faster: each letter is then made in its turn, where a failure is its own.
        prepares = false;
      }
    }
    const entry = journal.add({
      action: ACTION_LABEL[options.action],
      key: item.key,
      event: item.scope,
      partner: item.partner.id,
      address: emails ? item.to.join(', ') : '',
      status: JOURNAL_STATUS.sending,
      document: '',
      message: '',
    }, true);
    const values = numbered(item.values, entry.number ?? '');
    let sent = false;
    let link = '';
    try {
      const doc = documents.fillTemplate(options.kind, values, options.folder, item.docName);
      link = doc.link;
      if (emails && item.mail) {
        const pdf = options.attachPdf ? doc.pdf() : null;
        rt.mail.send(item.mail(pdf ? [pdf] : []));
        sent = true;
        if (quota !== null) quota -= item.to.length;
      }
      journal.update(entry, sent ? mailedStatus : JOURNAL_STATUS.made, { document: link });
    } catch (e) {
      const message = errorText(e);
      result.errors.push({ who: item.partner.organisation, message });
      try {
        // After a send, only the record failed: the letter went out, so it must not be retried.
        if (sent) journal.update(entry, mailedStatus, { document: link, message });
        else journal.update(entry, JOURNAL_STATUS.failed, { document: link, message });
      } catch {
        // The row stays `отправляется`; the next run marks it `требует проверки`.
      }
      // A letter that went out counts as sent (the report and the finish note say so), record or not.
      if (sent) result.sent++;
      continue;
    }
    if (sent && rt.mail.prepareOnly) result.prepared++;
    else if (sent) result.sent++;
    else result.made++;
    try {
      item.afterDone?.();
    } catch (e) {
      // The letter is done and journaled; what afterDone writes is repaired from the journal next run.
      result.errors.push({ who: item.partner.organisation, message: errorText(e) });
    }
  }
  // The counter in «Настройки» moves past the numbers this run's claims took.
  journal.saveNumbers();
  if (!result.stopped) rt.progress.report(items.length, items.length, '');
  return result;
}
