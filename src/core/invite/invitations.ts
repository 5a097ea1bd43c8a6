/**
 * Invitations: who gets a letter for an event and why the others do not, the preview shown before
 * sending, the test letter to oneself, and the run itself (through the shared delivery loop).
 */
import type { LocalDate, MailMessage, Runtime } from '../../ports';
import { deliver, type DeliveryResult, type LetterItem } from '../run/delivery';
import { composeMail } from '../letters/email';
import { ACTION_LABEL, DONE, Journal, journalKey } from '../run/journal';
import { centreValues, eventValues, partnerValues, type Values } from '../letters/fields';
import { docNameMsg, mailMsg, runMsg, skipMsg, templateMsg } from '../../messages/letters';
import { readWorkbook, sheetProblems } from '../data/read';
import type { EventRecord, JournalEntry, Partner, WorkbookData } from '../data/records';
import { addDays, compareDates, formatDateLong, formatDateShort } from '../russian';
import { CATEGORIES, SHEET } from '../data/schema';
import { writeAssignedIds } from '../data/setup';
import { PLACEHOLDERS } from '../letters/templates';
import { checkTemplate, fillText } from '../letters/fill';

export interface InviteRequest {
  eventId: string;
  /** Partner IDs to send to again although the journal says sent or «требует проверки». */
  resend?: string[];
}

/** Why a partner gets no email now; `sent`, `printed` and `needsCheck` can be chosen for «Отправить повторно». */
export type SkipKind = 'notInvited' | 'needsCheck' | 'sent' | 'printed' | 'noEmail';

export interface SkippedPartner {
  partner: Partner;
  kind: SkipKind;
  reason: string;
}

const RESENDABLE: readonly SkipKind[] = ['needsCheck', 'sent', 'printed'];

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

export function findEvent(data: WorkbookData, eventId: string): EventRecord | undefined {
  const wanted = eventId.trim().toLowerCase();
  return data.events.find((e) => e.id.toLowerCase() === wanted);
}

export function journalFor(rt: Runtime, data: WorkbookData): Journal | null {
  const columns = data.columns[SHEET.journal];
  if (!columns || data.problems.some((p) => p.sheet === SHEET.journal && p.row <= 1 && p.col === 0)) return null;
  return new Journal(rt.workbook, rt.clock, columns, data.journal);
}

/** Plans the invitations for an event from data read once; pure. */
export function planInvitations(data: WorkbookData, event: EventRecord, journal: Journal, today: LocalDate, request: InviteRequest): InvitePlan {
  const resend = new Set((request.resend ?? []).map((id) => id.toLowerCase()));
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
    const again = resend.has(partner.id.toLowerCase());
    if (last && !again) {
      if (last.status === 'отправляется') {
        plan.interrupted.push(last);
        plan.skipped.push({ partner, kind: 'needsCheck', reason: skipMsg.needsCheck });
        continue;
      }
      if (last.status === 'требует проверки') {
        plan.skipped.push({ partner, kind: 'needsCheck', reason: skipMsg.needsCheck });
        continue;
      }
      if (DONE.includes(last.status)) {
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
  plan: InvitePlan;
}

/** Reads the workbook, finds the event and plans; a Russian error when it cannot. */
export function prepareInvitations(rt: Runtime, request: InviteRequest): InviteContext | { error: string } {
  const data = readWorkbook(rt.workbook);
  const unusable = sheetProblems(data, [SHEET.partners, SHEET.events]);
  if (unusable) return { error: unusable };
  const event = findEvent(data, request.eventId);
  if (!event) return { error: runMsg.noEvent(request.eventId) };
  if (event.status === 'отменено') return { error: runMsg.cancelled(event.title) };
  const journal = journalFor(rt, data);
  if (!journal) return { error: runMsg.noJournal };
  const plan = planInvitations(data, event, journal, rt.clock.today(), request);
  let used: string[];
  try {
    used = rt.documents.templatePlaceholders('invitation');
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const letters = [...plan.send.map((i) => ({ who: i.partner.organisation, values: i.values })), ...plan.print.map((p) => ({ who: p.partner.organisation, values: p.values }))];
  plan.templateProblems = checkTemplate(
    used,
    PLACEHOLDERS.invitation.map((p) => p.name),
    letters,
  ).map((p) => p.message);
  return { data, event, journal, plan };
}

export interface InvitePreview {
  ok: boolean;
  error: string;
  event: { id: string; title: string; date: string; time: string; place: string } | null;
  counts: { send: number; print: number; skipped: number };
  byCategory: { category: string; send: number; print: number; skipped: number }[];
  recipients: { id: string; organisation: string; emails: string }[];
  /** `resendable`: may be chosen for «Отправить повторно». */
  skipped: { id: string; organisation: string; reason: string; resendable: boolean }[];
  quota: number | null;
  quotaShort: boolean;
  templateProblems: string[];
  /** Things to double-check before sending (the event is already past …). */
  warnings: string[];
  sample: { to: string; subject: string; text: string; letter: string } | null;
}

/** A preview that only carries a message (the event is missing, the template is broken …). */
export const emptyPreview = (error: string): InvitePreview => ({
  ok: false,
  error,
  event: null,
  counts: { send: 0, print: 0, skipped: 0 },
  byCategory: [],
  recipients: [],
  skipped: [],
  quota: null,
  quotaShort: false,
  templateProblems: [],
  warnings: [],
  sample: null,
});

/** What a run would do, for the dialog (serializable). Sends nothing, writes nothing. */
export function previewInvitations(rt: Runtime, request: InviteRequest): InvitePreview {
  const ctx = prepareInvitations(rt, request);
  if ('error' in ctx) return emptyPreview(ctx.error);
  const { plan, event } = ctx;
  const quota = rt.mail.remainingQuota();
  const recipientsCount = plan.send.reduce((n, i) => n + i.to.length, 0);
  const byCategory = CATEGORIES.map((category) => ({
    category,
    send: plan.send.filter((i) => i.partner.category === category).length,
    print: plan.print.filter((i) => i.partner.category === category).length,
    skipped: plan.skipped.filter((s) => s.partner.category === category && !plan.print.some((p) => p.partner === s.partner)).length,
  })).filter((c) => c.send + c.print + c.skipped > 0);
  const first = plan.send[0] ?? null;
  let sample: InvitePreview['sample'] = null;
  if (first && first.mail) {
    const message = first.mail([]);
    sample = { to: first.to.join(', '), subject: message.subject, text: message.text, letter: fillText(rt.documents.templateText('invitation'), first.values) };
  } else if (plan.print[0]) {
    sample = { to: '', subject: '', text: '', letter: fillText(rt.documents.templateText('invitation'), plan.print[0].values) };
  }
  return {
    ok: plan.templateProblems.length === 0,
    error: plan.templateProblems.length > 0 ? templateMsg.stopped : '',
    event: { id: event.id, title: event.title, date: formatDateLong(event.date), time: event.time, place: event.place },
    counts: { send: plan.send.length, print: plan.print.length, skipped: plan.skipped.length - plan.print.length },
    byCategory,
    recipients: plan.send.map((i) => ({ id: i.partner.id, organisation: i.partner.organisation, emails: i.to.join(', ') })),
    skipped: plan.skipped.map((s) => ({ id: s.partner.id, organisation: s.partner.organisation, reason: s.reason, resendable: RESENDABLE.includes(s.kind) })),
    quota,
    quotaShort: quota !== null && quota < recipientsCount,
    templateProblems: plan.templateProblems,
    warnings: eventWarnings(rt, event),
    sample,
  };
}

/** The event a dialog opens with: the one in the active row of «Мероприятия», else the next upcoming. */
export function defaultEventId(rt: Runtime, events: { id: string; upcoming: boolean }[], activeRow: number | null): string {
  if (activeRow !== null) {
    const event = readWorkbook(rt.workbook).events.find((e) => e.row === activeRow);
    if (event && events.some((e) => e.id === event.id)) return event.id;
  }
  return (events.find((e) => e.upcoming) ?? events[0])?.id ?? '';
}

/** Only the strings of a list that came from a dialog (the page could send anything). */
export function stringsFrom(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

/** Events for the picker: not cancelled, upcoming first (nearest first), then past (latest first). */
export function listEvents(rt: Runtime): { id: string; title: string; date: string; upcoming: boolean }[] {
  const data = readWorkbook(rt.workbook);
  const today = rt.clock.today();
  const events = data.events.filter((e) => e.status !== 'отменено');
  const upcoming = events.filter((e) => compareDates(e.date, today) >= 0).sort((a, b) => compareDates(a.date, b.date));
  const past = events.filter((e) => compareDates(e.date, today) < 0).sort((a, b) => compareDates(b.date, a.date));
  return [...upcoming, ...past].map((e) => ({ id: e.id, title: e.title, date: formatDateLong(e.date), upcoming: compareDates(e.date, today) >= 0 }));
}

/** The outcome of «Отправить тест себе», for the dialog to show as done or as a problem. */
export interface TestSendResult {
  ok: boolean;
  message: string;
}

/** Sends the first planned letter to the user's own address, marked as a test; not journaled. */
export function sendTestInvitation(rt: Runtime, request: InviteRequest, to?: string): TestSendResult {
  const failed = (message: string): TestSendResult => ({ ok: false, message });
  const ctx = prepareInvitations(rt, request);
  if ('error' in ctx) return failed(ctx.error);
  if (ctx.plan.templateProblems.length > 0) return failed([templateMsg.stopped, ...ctx.plan.templateProblems].join('\n'));
  const self = to ?? rt.mail.selfAddress();
  const item = ctx.plan.send[0];
  if (!self) return failed(runMsg.noSelfAddress);
  if (!item || !item.mail) return failed(runMsg.nobody);
  const doc = rt.documents.fillTemplate('invitation', item.values, inviteFolder(ctx.event), docNameMsg.test(item.docName));
  const pdf = attachPdfSetting(ctx.data) ? doc.pdf() : null;
  const message = item.mail(pdf ? [pdf] : []);
  rt.mail.send({ ...message, to: [self], subject: mailMsg.testPrefix + message.subject });
  return { ok: true, message: runMsg.testSent(self) };
}

export interface RunReport {
  ok: boolean;
  message: string;
  sent: number;
  made: number;
  printed: number;
  errors: { who: string; message: string }[];
  needsCheck: number;
  stopped: DeliveryResult['stopped'];
  /** Item keys the loop attempted (for continuation bookkeeping). */
  attempted: number;
  /** A link to the print-ready document, when one was made. */
  printLink: string;
  /** What the run was, for a note to its user: `Рассылка приглашений на «День матери»`; '' when it did not start. */
  what: string;
  /** Letters of the same job done by earlier runs (its earlier executions included). */
  doneBefore: number;
}

/** A report of a run that did nothing, with its reason. */
export function emptyRunReport(message: string): RunReport {
  return { ok: false, message, sent: 0, made: 0, printed: 0, errors: [], needsCheck: 0, stopped: null, attempted: 0, printLink: '', what: '', doneBefore: 0 };
}

export interface RunLimits {
  softDeadlineMs: number;
  startMs: number;
}

export function attachPdfSetting(data: WorkbookData): boolean {
  return !['нет', 'no', 'false', '0', 'ложь'].includes(data.settings.attachPdf.trim().toLowerCase());
}

/** Runs the invitations; the caller holds the lock. */
export function runInvitations(rt: Runtime, request: InviteRequest, limits: RunLimits): RunReport {
  const report = emptyRunReport('');
  const ctx = prepareInvitations(rt, request);
  if ('error' in ctx) return { ...report, message: ctx.error };
  const { data, plan, journal, event } = ctx;
  if (plan.templateProblems.length > 0) return { ...report, message: [templateMsg.stopped, ...plan.templateProblems].join('\n') };
  writeAssignedIds(rt.workbook, data.assignedIds);
  report.what = runMsg.noticeInvite(event.title);
  for (const entry of plan.interrupted) journal.update(entry, 'требует проверки', { message: skipMsg.needsCheck });
  report.needsCheck = plan.skipped.filter((s) => s.kind === 'needsCheck').length;
  report.doneBefore = plan.skipped.filter((s) => s.kind === 'sent' || s.kind === 'printed').length;

  const result = deliver(rt, journal, plan.send, {
    action: 'invite',
    kind: 'invitation',
    folder: inviteFolder(event),
    attachPdf: attachPdfSetting(data),
    softDeadlineMs: limits.softDeadlineMs,
    startMs: limits.startMs,
  });
  Object.assign(report, { sent: result.sent, made: result.made, errors: result.errors, stopped: result.stopped });
  report.attempted = result.stopped ? plan.send.length - result.stopped.left : plan.send.length;

  if (!result.stopped && plan.print.length > 0) {
    try {
      const doc = rt.documents.fillTemplateBundle('invitation', plan.print.map((p) => p.values), inviteFolder(event), docNameMsg.printBundle(event.title));
      report.printLink = doc.link;
      for (const p of plan.print) {
        journal.add({ action: ACTION_LABEL.invite, key: p.key, event: event.id, partner: p.partner.id, address: '', status: 'создано', document: doc.link, message: runMsg.printNote });
      }
      report.printed = plan.print.length;
    } catch (e) {
      report.errors.push({ who: runMsg.printWho, message: e instanceof Error ? e.message : String(e) });
    }
  }
  report.ok = report.errors.length === 0 && !result.stopped;
  report.message = [...eventWarnings(rt, event), summarizeRun(report, rt)].join('\n');
  return report;
}

/** What staff should double-check about the event itself: inviting to a past event is almost always a slip. */
function eventWarnings(rt: Runtime, event: EventRecord): string[] {
  return compareDates(event.date, rt.clock.today()) < 0 ? [runMsg.pastEvent(event.title, formatDateLong(event.date))] : [];
}

export function summarizeRun(report: RunReport, rt: Runtime): string {
  const lines: string[] = [];
  const nothing = report.sent === 0 && report.made === 0 && report.printed === 0;
  if (nothing && report.errors.length === 0 && !report.stopped) lines.push(report.doneBefore > 0 ? runMsg.nothingNew(report.doneBefore) : runMsg.nobody);
  else if (report.sent > 0 || nothing) lines.push(runMsg.sent(report.sent));
  if (report.made > 0) lines.push(runMsg.made(report.made));
  if (report.printed > 0) lines.push(runMsg.printBundle(report.printed));
  if (report.errors.length > 0) {
    lines.push(runMsg.errors(report.errors.length));
    for (const e of report.errors.slice(0, 10)) lines.push(runMsg.itemError(e.who, e.message));
  }
  if (report.needsCheck > 0) lines.push(runMsg.needsCheck(report.needsCheck));
  if (report.stopped?.reason === 'deadline') lines.push(runMsg.deadline(report.stopped.left));
  if (report.stopped?.reason === 'quota') lines.push(runMsg.quota(report.stopped.left, quotaResumeText(rt)));
  return lines.join('\n');
}

/** Apps Script's daily quota is a rolling 24 hours: say when that is. */
export function quotaResumeText(rt: Runtime): string {
  const now = rt.clock.today();
  const hh = String(now.hour).padStart(2, '0');
  const mm = String(now.minute).padStart(2, '0');
  return runMsg.resumeAfter(formatDateLong(addDays(now, 1)), `${hh}:${mm}`);
}
