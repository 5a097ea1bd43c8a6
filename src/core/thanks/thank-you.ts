/**
 * Thank-you letters (благодарственные письма) for an event or an academic year: one letter per
 * partner with contributions in that period, sponsors first; the contributions get their
 * `Благодарность` date once the letter exists; optional email through the shared delivery loop.
 */
import type { LocalDate, MailMessage, Runtime } from '../../ports';
import { deliver, type LetterItem } from '../run/delivery';
import { composeMail } from '../letters/email';
import { DONE, type Journal, journalKey } from '../run/journal';
import { centreValues, partnerValues, type Values } from '../letters/fields';
import { docNameMsg, mailMsg, runMsg, templateMsg } from '../../messages/letters';
import { thanksMsg } from '../../messages/thanks';
import { attachPdfSetting, emptyRunReport, findEvent, journalFor, summarizeRun, type RunLimits, type RunReport } from '../invite/invitations';
import { readWorkbook, sheetProblems } from '../data/read';
import type { Contribution, EventRecord, Partner, WorkbookData } from '../data/records';
import { compareDates, daysBetween, formatDateLong, formatMoney } from '../russian';
import { COL, SHEET } from '../data/schema';
import { writeAssignedIds } from '../data/setup';
import { checkTemplate, fillText } from '../letters/fill';
import { columnLetter } from '../data/table';
import { PLACEHOLDERS } from '../letters/templates';
import { academicYearOf, inYear, parseAcademicYear, parseYearStart, type AcademicYear } from '../data/academic-year';

/**
 * Alphabetical order without locale data (Apps Script may lack it): Cyrillic code points are in
 * alphabetical order once «ё» is treated as «е».
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase().replace(/ё/g, 'е');
  const y = b.toLowerCase().replace(/ё/g, 'е');
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

export interface ThanksRequest {
  eventId?: string;
  /** `2025/2026` */
  year?: string;
  sponsorsOnly?: boolean;
  /** Make the letters again although the journal says they were made («Сделать заново»). */
  redo?: boolean;
  /** Like `redo`, for these partners only: what a continued «Сделать заново» run has not reached yet. */
  redoPartners?: string[];
  /** Email the letters to partners who have an address. */
  email?: boolean;
}

/** The period of a thank-you run: an event or an academic year. */
export interface ThanksPeriod {
  /** Journal scope: the event ID or the year label. */
  scope: string;
  /** `в 2025/2026 учебном году` / `при проведении мероприятия «День матери» (27 ноября 2025 г.)` */
  text: string;
  label: string;
  includes: (event: EventRecord) => boolean;
}


export function resolvePeriod(data: WorkbookData, request: ThanksRequest, today: LocalDate): ThanksPeriod | { error: string } {
  const start = parseYearStart(data.settings.yearStart);
  if (request.eventId) {
    const event = findEvent(data, request.eventId);
    if (!event) return { error: runMsg.noEvent(request.eventId) };
    return {
      scope: event.id,
      text: thanksMsg.periodEvent(event.title, formatDateLong(event.date)),
      label: `${event.title} — ${formatDateLong(event.date)}`,
      includes: (e) => e.id === event.id,
    };
  }
  const year: AcademicYear | null = request.year ? parseAcademicYear(request.year, start) : academicYearOf(today, start);
  if (!year) return { error: thanksMsg.badYear(request.year ?? '') };
  return { scope: year.label, text: thanksMsg.periodYear(year.label), label: thanksMsg.yearLabel(year.label), includes: (e) => inYear(e.date, year) };
}

/** The sentence(s) listing what a partner did, grouped by event, with amounts. */
export function contributionText(items: { event: EventRecord; contribution: Contribution }[]): string {
  const byEvent = new Map<string, { event: EventRecord; parts: string[]; amount: number }>();
  const ordered = [...items].sort((a, b) => compareDates(a.event.date, b.event.date) || a.contribution.row - b.contribution.row);
  let total = 0;
  let amounts = 0;
  for (const { event, contribution } of ordered) {
    const group = byEvent.get(event.id) ?? { event, parts: [], amount: 0 };
    let part = contribution.what.trim() || thanksMsg.resourcePhrase[contribution.resource];
    if (contribution.amount !== null && contribution.amount > 0) {
      part += ` (${formatMoney(contribution.amount)})`;
      total += contribution.amount;
      amounts++;
    }
    if (!group.parts.includes(part)) group.parts.push(part);
    byEvent.set(event.id, group);
  }
  const groups = [...byEvent.values()];
  const what = (g: (typeof groups)[number]) => thanksMsg.forWhat(g.parts);
  let text =
    groups.length === 1
      ? thanksMsg.forOne(groups[0].event.title, formatDateLong(groups[0].event.date), what(groups[0]))
      : thanksMsg.forMany(groups.map((g) => thanksMsg.eventLine(g.event.title, formatDateLong(g.event.date), what(g))));
  if (amounts > 1) text += ` ${thanksMsg.total(formatMoney(total))}`;
  return text;
}

interface ThanksLetter {
  partner: Partner;
  contributions: Contribution[];
  values: Values;
  key: string;
}

export interface ThanksPlan {
  period: ThanksPeriod;
  letters: ThanksLetter[];
  skipped: { partner: Partner; reason: string }[];
  /** Contributions of made letters that still lack their date (a run died in between). */
  repairs: { row: number; date: LocalDate }[];
  templateProblems: string[];
  /** Letters of this period made by earlier runs. */
  doneBefore: number;
}

export function planThanks(data: WorkbookData, journal: Journal, request: ThanksRequest, period: ThanksPeriod, today: LocalDate): ThanksPlan {
  const events = new Map(data.events.map((e) => [e.id, e]));
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const byPartner = new Map<string, { event: EventRecord; contribution: Contribution }[]>();
  for (const c of data.contributions) {
    const event = events.get(c.eventId);
    if (!event || !period.includes(event) || event.status === 'отменено') continue;
    const list = byPartner.get(c.partnerId) ?? [];
    list.push({ event, contribution: c });
    byPartner.set(c.partnerId, list);
  }
  const isSponsor = (p: Partner, list: { contribution: Contribution }[]) => p.sponsor || list.some((x) => x.contribution.role === 'спонсор');
  const entries = [...byPartner.entries()]
    .map(([id, list]) => ({ partner: partners.get(id), list }))
    .filter((x): x is { partner: Partner; list: { event: EventRecord; contribution: Contribution }[] } => x.partner !== undefined)
    .sort((a, b) => Number(isSponsor(b.partner, b.list)) - Number(isSponsor(a.partner, a.list)) || compareText(a.partner.organisation, b.partner.organisation));
  const base = centreValues(data.settings, today);
  const plan: ThanksPlan = { period, letters: [], skipped: [], repairs: [], templateProblems: [], doneBefore: 0 };
  for (const { partner, list } of entries) {
    if (request.sponsorsOnly && !isSponsor(partner, list)) continue;
    const key = journalKey('thanks', period.scope, partner.id);
    const last = journal.latest(key);
    const redo = request.redo === true || (request.redoPartners ?? []).includes(partner.id);
    if (last && DONE.includes(last.status) && !redo) {
      // The journal is the truth: date contributions of a letter that was made but not dated.
      const date = last.time ?? today;
      for (const { contribution } of list) if (!contribution.thanked) plan.repairs.push({ row: contribution.row, date });
      plan.skipped.push({ partner, reason: thanksMsg.alreadyMade(last.time ? formatDateLong(last.time) : '') });
      plan.doneBefore++;
      continue;
    }
    if (last && (last.status === 'отправляется' || last.status === 'требует проверки') && !redo) {
      plan.skipped.push({ partner, reason: thanksMsg.needsCheck });
      continue;
    }
    plan.letters.push({
      partner,
      contributions: list.map((x) => x.contribution),
      key,
      values: { ...base, ...partnerValues(partner), Вклад: contributionText(list), Период: period.text },
    });
  }
  return plan;
}

function thanksMail(data: WorkbookData, values: Values, to: string[]) {
  return (attachments: MailMessage['attachments']): MailMessage =>
    composeMail(
      data.settings,
      to,
      mailMsg.thanksSubject(values.Учреждение_кратко || values.Учреждение),
      [
        values.Обращение,
        mailMsg.thanksIntro(values.Учреждение_кратко || values.Учреждение),
        attachments.length > 0 ? thanksMsg.attached : '',
        [mailMsg.regards, `${values.Должность_руководителя} ${values.Учреждение_кратко}`.trim(), values.Руководитель].filter(Boolean).join('\n'),
      ],
      attachments,
    );
}

interface ThanksContext {
  data: WorkbookData;
  journal: Journal;
  plan: ThanksPlan;
}

function prepareThanks(rt: Runtime, request: ThanksRequest): ThanksContext | { error: string } {
  const data = readWorkbook(rt.workbook);
  const unusable = sheetProblems(data, [SHEET.partners, SHEET.events, SHEET.contributions]);
  if (unusable) return { error: unusable };
  const today = rt.clock.today();
  const period = resolvePeriod(data, request, today);
  if ('error' in period) return period;
  const journal = journalFor(rt, data);
  if (!journal) return { error: runMsg.noJournal };
  const plan = planThanks(data, journal, request, period, today);
  let used: string[];
  try {
    used = rt.documents.templatePlaceholders('thanks');
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  plan.templateProblems = checkTemplate(
    used,
    PLACEHOLDERS.thanks.map((p) => p.name),
    plan.letters.map((l) => ({ who: l.partner.organisation, values: l.values })),
  ).map((p) => p.message);
  return { data, journal, plan };
}

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

/** A preview that only carries a message. */
export function emptyThanksPreview(error: string): ThanksPreview {
  return { ok: false, error, period: '', letters: [], skipped: [], templateProblems: [], sample: '' };
}

export interface ThanksPreview {
  ok: boolean;
  error: string;
  period: string;
  letters: { id: string; organisation: string; sponsor: boolean; contributions: number; email: string; text: string }[];
  skipped: { id: string; organisation: string; reason: string }[];
  templateProblems: string[];
  sample: string;
}

export function previewThanks(rt: Runtime, request: ThanksRequest): ThanksPreview {
  const ctx = prepareThanks(rt, request);
  if ('error' in ctx) return emptyThanksPreview(ctx.error);
  const { plan } = ctx;
  const first = plan.letters[0];
  return {
    ok: plan.templateProblems.length === 0 && plan.letters.length > 0,
    error: plan.templateProblems.length > 0 ? templateMsg.stopped : plan.letters.length === 0 ? thanksMsg.nothing(plan.period.label) : '',
    period: plan.period.label,
    letters: plan.letters.map((l) => ({
      id: l.partner.id,
      organisation: l.partner.organisation,
      sponsor: l.partner.sponsor,
      contributions: l.contributions.length,
      email: l.partner.emails.join(', '),
      text: l.values.Вклад,
    })),
    skipped: plan.skipped.map((s) => ({ id: s.partner.id, organisation: s.partner.organisation, reason: s.reason })),
    templateProblems: plan.templateProblems,
    sample: first ? fillText(rt.documents.templateText('thanks'), first.values) : '',
  };
}

function writeDates(rt: Runtime, data: WorkbookData, rows: { row: number; date: LocalDate }[]): void {
  const col = data.columns[SHEET.contributions]?.[COL.thanked];
  if (col === undefined || rows.length === 0) return;
  rt.workbook.writeCells(
    SHEET.contributions,
    rows.map((r) => ({ row: r.row, col, value: rt.workbook.toCellDate({ ...r.date, hour: 0, minute: 0, second: 0 }) })),
  );
}

/** Makes the thank-you letters; the caller holds the lock. */
export function runThanks(rt: Runtime, request: ThanksRequest, limits: RunLimits): RunReport {
  const report = emptyRunReport('');
  const ctx = prepareThanks(rt, request);
  if ('error' in ctx) return { ...report, message: ctx.error };
  const { data, journal, plan } = ctx;
  if (plan.templateProblems.length > 0) return { ...report, message: [templateMsg.stopped, ...plan.templateProblems].join('\n') };
  writeAssignedIds(rt.workbook, data.assignedIds);
  report.what = runMsg.noticeThanks(plan.period.label);
  report.doneBefore = plan.doneBefore;
  writeDates(rt, data, plan.repairs);
  if (plan.letters.length === 0) return { ...report, ok: true, message: thanksMsg.nothing(plan.period.label) };
  const today = rt.clock.today();
  const items: LetterItem[] = plan.letters.map((l) => {
    const to = request.email ? l.partner.emails : [];
    return {
      key: l.key,
      partner: l.partner,
      scope: plan.period.scope,
      values: l.values,
      to,
      docName: docNameMsg.thanks(l.partner.organisation),
      mail: to.length > 0 ? thanksMail(data, l.values, to) : null,
      afterDone: () => writeDates(rt, data, l.contributions.map((c) => ({ row: c.row, date: today }))),
    };
  });
  const result = deliver(rt, journal, items, {
    action: 'thanks',
    kind: 'thanks',
    // No `/` in folder names: offline it would make nested folders.
    folder: `Благодарственные письма — ${plan.period.label.replace(/\//g, '-')}`,
    attachPdf: attachPdfSetting(data),
    softDeadlineMs: limits.softDeadlineMs,
    startMs: limits.startMs,
  });
  Object.assign(report, { sent: result.sent, made: result.made, errors: result.errors, stopped: result.stopped });
  report.attempted = result.stopped ? items.length - result.stopped.left : items.length;
  report.ok = report.errors.length === 0 && !result.stopped;
  report.message = summarizeRun(report, rt);
  return report;
}

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
  const data = readWorkbook(rt.workbook);
  const today = rt.clock.today();
  const events = new Map(data.events.map((e) => [e.id, e]));
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const owed: OwedThanks[] = [];
  for (const c of data.contributions) {
    const event = events.get(c.eventId);
    const partner = partners.get(c.partnerId);
    if (!event || !partner || c.thanked || event.status === 'отменено' || compareDates(event.date, today) > 0) continue;
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
