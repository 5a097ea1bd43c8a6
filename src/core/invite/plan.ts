/**
 * Who gets an invitation to an event and why the others do not: the plan, made from the workbook
 * read once, and the context a preview, a test letter and a run share.
 */
import type { DocumentPort, LocalDate, Runtime } from '../../ports';
import { docNameMsg, runMsg, skipMsg } from '../../messages/letters';
import { findEvent, typedWithLatin, unusableEvent } from '../data/find';
import { formatProblem } from '../data/check';
import { sheetProblems } from '../data/read';
import type { EventRecord, JournalEntry, Partner, WorkbookData } from '../data/records';
import { EVENT_STATUS, JOURNAL_STATUS, SHEET } from '../data/schema';
import { documentSettings } from '../data/settings';
import { workbookData } from '../data/snapshot';
import { errorText } from '../errors';
import { checkEmailTemplate, templateMail } from '../letters/email-template';
import { centreValues, eventValues, partnerValues, type Values } from '../letters/fields';
import { checkTemplate } from '../letters/fill';
import { PLACEHOLDERS } from '../letters/templates';
import { numbered, type LetterItem } from '../run/delivery';
import { numberProblems } from '../run/numbering';
import { optionalPlaceholders, withPostalAddress } from './post';
import { isDone, journalKey, journalTime, openJournal, type Journal } from '../run/journal';
import { compareDates, foldLookAlikes, formatDateLong, formatDateShort } from '../russian';

export interface InviteRequest {
  eventId: string;
  /** Partner IDs to send to again although the journal says sent or «требует проверки». */
  resend?: string[];
  /**
   * When the job asking for the resends started (`journalTime`): a journal row newer than that was
   * written by the job itself, so that partner is not sent to again (a continuation after a kill).
   * A row of the same second counts as older: the time has whole seconds, and a run reads the
   * workbook before its first letter, so its own rows come later.
   */
  resendSince?: string;
}

/**
 * Why a partner gets no email now; `sent`, `printed`, `prepared` and `needsCheck` can be chosen for
 * «Отправить повторно». `prepared` only for a run that does not send mail (one that does sends it).
 */
export type SkipKind = 'notInvited' | 'needsCheck' | 'sent' | 'printed' | 'prepared' | 'noEmail';

export interface SkippedPartner {
  partner: Partner;
  kind: SkipKind;
  reason: string;
}

export const RESENDABLE: readonly SkipKind[] = ['needsCheck', 'sent', 'printed', 'prepared'];

export interface InvitePlan {
  event: EventRecord;
  /** Letters to email now. */
  send: LetterItem[];
  /** Letters for partners without a usable address: one print-ready document. */
  print: { partner: Partner; values: Values; key: string }[];
  skipped: SkippedPartner[];
  /** Journal rows left `отправляется` by a run that died: they become `требует проверки`. */
  interrupted: JournalEntry[];
  templateProblems: string[];
}

/**
 * Plans the invitations for an event from data read once; pure. `sendsMail`: the run really sends
 * (letters only prepared by an earlier run go out now), or only prepares them.
 */
export function planInvitations(
  data: WorkbookData,
  event: EventRecord,
  journal: Journal,
  today: LocalDate,
  request: InviteRequest,
  sendsMail = true,
): InvitePlan {
  // IDs as typed: case and Latin look-alike letters (`P-003` for `П-003`) do not matter.
  const idKey = (id: string) => foldLookAlikes(id.trim()).toLowerCase();
  const resend = new Set((request.resend ?? []).map(idKey));
  const base: Values = { ...centreValues(data.settings, today), ...eventValues(event) };
  const plan: InvitePlan = { event, send: [], print: [], skipped: [], interrupted: [], templateProblems: [] };
  for (const partner of data.partners) {
    if (event.inviteCategories && !event.inviteCategories.includes(partner.category)) continue;
    if (!partner.invite) {
      plan.skipped.push({ partner, kind: 'notInvited', reason: skipMsg.notInvited });
      continue;
    }
    const key = journalKey('invite', event.id, partner.id);
    const last = journal.latest(key);
    const since = request.resendSince;
    const again = resend.has(idKey(partner.id)) && !(since && last?.time && journalTime(last.time) > since);
    if (last && !again) {
      if (last.status === JOURNAL_STATUS.sending) {
        plan.interrupted.push(last);
        plan.skipped.push({ partner, kind: 'needsCheck', reason: skipMsg.needsCheck });
        continue;
      }
      if (last.status === JOURNAL_STATUS.needsCheck) {
        plan.skipped.push({ partner, kind: 'needsCheck', reason: skipMsg.needsCheck });
        continue;
      }
      if (last.status === JOURNAL_STATUS.prepared && !sendsMail) {
        plan.skipped.push({ partner, kind: 'prepared', reason: skipMsg.prepared });
        continue;
      }
      if (isDone(last.status, sendsMail)) {
        const when = last.time ? formatDateShort(last.time) : '';
        plan.skipped.push(
          last.address ? { partner, kind: 'sent', reason: skipMsg.alreadySent(when) } : { partner, kind: 'printed', reason: skipMsg.printed },
        );
        continue;
      }
    }
    const values = { ...base, ...partnerValues(partner) };
    if (partner.emails.length === 0) {
      plan.print.push({ partner, values, key });
      plan.skipped.push({ partner, kind: 'noEmail', reason: partner.badEmails.length > 0 ? skipMsg.badEmail(partner.badEmails) : skipMsg.noEmail });
      continue;
    }
    plan.send.push({
      key,
      partner,
      scope: event.id,
      values,
      to: partner.emails,
      docName: docNameMsg.invitation(partner.organisation),
      mail: templateMail(data.settings, 'invitation', values, partner.emails),
    });
  }
  // The numbers the claims will take, in claim order (the emailed letters, then the printed ones): previews show them.
  const numbers = journal.nextNumbers(plan.send.length + plan.print.length);
  plan.send.forEach((item, i) => (item.values = numbered(item.values, numbers[i])));
  plan.print.forEach((p, i) => (p.values = numbered(p.values, numbers[plan.send.length + i])));
  return plan;
}

export function inviteFolder(event: EventRecord): string {
  return docNameMsg.inviteFolder(event.title, formatDateShort(event.date));
}

export interface InviteContext {
  data: WorkbookData;
  event: EventRecord;
  journal: Journal;
  documents: DocumentPort;
  plan: InvitePlan;
}

/** Reads the workbook, finds the event and plans; a Russian error when it cannot. */
export function prepareInvitations(rt: Runtime, request: InviteRequest): InviteContext | { error: string } {
  const data = workbookData(rt.workbook);
  const unusable = sheetProblems(data, [SHEET.partners, SHEET.events]);
  if (unusable) return { error: unusable };
  const event = findEvent(data, request.eventId);
  if (!event) {
    // A row whose date (or title) does not read: say so, not «не найдено».
    const unusable = unusableEvent(data, request.eventId);
    if (!unusable) return { error: runMsg.noEvent(request.eventId) };
    const rowProblems = data.problems.filter((p) => p.sheet === SHEET.events && p.row === unusable.row && p.severity === 'error').map(formatProblem);
    return { error: runMsg.unusableEvent(unusable.id, unusable.title, rowProblems) };
  }
  if (event.status === EVENT_STATUS.cancelled) return { error: runMsg.cancelled(event.title) };
  const journal = openJournal(rt, data);
  if (!journal) return { error: runMsg.noJournal };
  const plan = planInvitations(data, event, journal, rt.clock.today(), request, !rt.mail.prepareOnly);
  const documents = rt.documents(documentSettings(data.settings));
  let used: string[];
  try {
    used = documents.templatePlaceholders('invitation');
  } catch (e) {
    return { error: errorText(e) };
  }
  // A printed letter carries the postal address, even from a template older than `{{Адрес}}`.
  plan.print = plan.print.map((p) => ({ ...p, values: withPostalAddress(p.values, used) }));
  const letters = [...plan.send.map((i) => ({ who: i.partner.organisation, values: i.values })), ...plan.print.map((p) => ({ who: p.partner.organisation, values: p.values }))];
  const optional = optionalPlaceholders('invitation');
  plan.templateProblems = [
    ...numberProblems(
      checkTemplate(used, PLACEHOLDERS.invitation.map((p) => p.name), letters).filter((p) => !optional.includes(p.placeholder)),
      used,
      journal.numbered,
    ).map((p) => p.message),
    // The email's own texts («Настройки»), for the letters that go by email.
    ...checkEmailTemplate(data, 'invitation', plan.send.map((i) => ({ who: i.partner.organisation, values: i.values }))),
  ];
  return { data, event, journal, documents, plan };
}

/**
 * What staff should double-check about the event itself: inviting to a past event is almost always
 * a slip, and an ID typed with Latin look-alike letters was read as the Cyrillic one.
 */
export function eventWarnings(rt: Runtime, event: EventRecord, typedId = event.id): string[] {
  const warnings = compareDates(event.date, rt.clock.today()) < 0 ? [runMsg.pastEvent(event.title, formatDateLong(event.date))] : [];
  if (typedWithLatin(typedId, event)) warnings.unshift(runMsg.latinEvent(typedId, event.id, event.title));
  return warnings;
}
