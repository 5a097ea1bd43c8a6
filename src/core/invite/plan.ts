/**
 * Who gets an invitation to an event and why the others do not: the plan, made from the workbook
 * read once, and the context a preview, a test letter and a run share.
 */
import type { DocumentPort, LocalDate, MailMessage, Runtime } from '../../ports';
import { docNameMsg, mailMsg, runMsg, skipMsg } from '../../messages/letters';
import { findEvent, typedWithLatin, unusableEvent } from '../data/find';
import { formatProblem } from '../data/check';
import { sheetProblems } from '../data/read';
import type { EventRecord, JournalEntry, Partner, WorkbookData } from '../data/records';
import { EVENT_STATUS, JOURNAL_STATUS, SHEET } from '../data/schema';
import { documentSettings } from '../data/settings';
import { workbookData } from '../data/snapshot';
import { errorText } from '../errors';
import { composeMail } from '../letters/email';
import { centreValues, eventValues, partnerValues, type Values } from '../letters/fields';
import { checkTemplate } from '../letters/fill';
import { PLACEHOLDERS } from '../letters/templates';
import type { LetterItem } from '../run/delivery';
import { optionalPlaceholders, withPostalAddress } from './post';
import { isDone, journalKey, openJournal, type Journal } from '../run/journal';
import { compareDates, foldLookAlikes, formatDateLong, formatDateShort } from '../russian';

export interface InviteRequest {
  eventId: string;
  /** Partner IDs to send to again although the journal says sent or «требует проверки». */
  resend?: string[];
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

const emailSubject = (event: EventRecord) => mailMsg.inviteSubject(event.title, formatDateLong(event.date));

function inviteMail(data: WorkbookData, event: EventRecord, values: Values, to: string[]) {
  const s = data.settings;
  const when = [formatDateLong(event.date), values.День_недели ? `(${values.День_недели})` : '', event.time ? `, ${event.time}` : '']
    .join(' ')
    .replace(/ ,/g, ',')
    .trim();
  return (attachments: MailMessage['attachments']): MailMessage =>
    composeMail(
      s,
      to,
      emailSubject(event),
      [
        values.Обращение,
        [
          mailMsg.inviteIntro(values.Учреждение_кратко || values.Учреждение, event.title),
          mailMsg.inviteWhen(when),
          event.place ? mailMsg.invitePlace(event.place) : '',
          event.form ? mailMsg.inviteForm(event.form) : '',
          event.audience ? mailMsg.inviteAudience(event.audience) : '',
        ]
          .filter(Boolean)
          .join('\n'),
        attachments.length > 0 ? mailMsg.attached : '',
        [mailMsg.regards, `${values.Должность_руководителя} ${values.Учреждение_кратко}`.trim(), values.Руководитель, values.Телефон_учреждения]
          .filter(Boolean)
          .join('\n'),
      ],
      attachments,
    );
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
    const again = resend.has(idKey(partner.id));
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
      mail: inviteMail(data, event, values, partner.emails),
    });
  }
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
  plan.templateProblems = checkTemplate(
    used,
    PLACEHOLDERS.invitation.map((p) => p.name),
    letters,
  )
    .filter((p) => !optional.includes(p.placeholder))
    .map((p) => p.message);
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
