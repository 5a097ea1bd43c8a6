/**
 * Who gets a thank-you letter for a period: one letter per partner with contributions in it, sponsors
 * first, with the text of what they did; letters the journal says are made are skipped, and their
 * contributions that still lack a date are repaired.
 */
import type { DocumentPort, LocalDate, Runtime } from '../../ports';
import { runMsg } from '../../messages/letters';
import { thanksMsg } from '../../messages/thanks';
import { sheetProblems } from '../data/read';
import type { Contribution, EventRecord, Partner, WorkbookData } from '../data/records';
import { EVENT_STATUS, JOURNAL_STATUS, ROLE, SHEET } from '../data/schema';
import { documentSettings } from '../data/settings';
import { workbookData } from '../data/snapshot';
import { errorText } from '../errors';
import { checkEmailTemplate, templateMail } from '../letters/email-template';
import { centreValues, partnerValues, type Values } from '../letters/fields';
import { checkTemplate } from '../letters/fill';
import { PLACEHOLDERS } from '../letters/templates';
import { numbered } from '../run/delivery';
import { isDone, journalKey, journalTime, openJournal, type Journal } from '../run/journal';
import { numberProblems } from '../run/numbering';
import { closingText } from './closing';
import { compareText, formatDateLong, typesetValues } from '../russian';
import { contributionText } from './contributions';
import { resolvePeriod, type ThanksPeriod, type ThanksRequest } from './period';

export interface ThanksLetter {
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
  /** Partners whose letter an earlier run may or may not have made («требует проверки»). */
  needsCheck: Partner[];
}

/** `sendsMail`: the run really sends email (a letter whose email was only prepared goes out now). */
export function planThanks(data: WorkbookData, journal: Journal, request: ThanksRequest, period: ThanksPeriod, today: LocalDate, sendsMail = true): ThanksPlan {
  const events = new Map(data.events.map((e) => [e.id, e]));
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const byPartner = new Map<string, { event: EventRecord; contribution: Contribution }[]>();
  for (const c of data.contributions) {
    const event = events.get(c.eventId);
    if (!event || !period.includes(event) || event.status === EVENT_STATUS.cancelled) continue;
    const list = byPartner.get(c.partnerId) ?? [];
    list.push({ event, contribution: c });
    byPartner.set(c.partnerId, list);
  }
  const isSponsor = (p: Partner, list: { contribution: Contribution }[]) => p.sponsor || list.some((x) => x.contribution.role === ROLE.sponsor);
  const entries = [...byPartner.entries()]
    .map(([id, list]) => ({ partner: partners.get(id), list }))
    .filter((x): x is { partner: Partner; list: { event: EventRecord; contribution: Contribution }[] } => x.partner !== undefined)
    .sort((a, b) => Number(isSponsor(b.partner, b.list)) - Number(isSponsor(a.partner, a.list)) || compareText(a.partner.organisation, b.partner.organisation));
  const base = centreValues(data.settings, today);
  const plan: ThanksPlan = { period, letters: [], skipped: [], repairs: [], templateProblems: [], doneBefore: 0, needsCheck: [] };
  for (const { partner, list } of entries) {
    if (request.sponsorsOnly && !isSponsor(partner, list)) continue;
    const key = journalKey('thanks', period.scope, partner.id);
    const last = journal.latest(key);
    const since = request.redoSince;
    const redoneByThisJob = since !== undefined && last?.time !== undefined && last.time !== null && journalTime(last.time) > since;
    const redo = (request.redo === true || (request.redoPartners ?? []).includes(partner.id)) && !redoneByThisJob;
    if (last && isDone(last.status, sendsMail && request.email === true) && !redo) {
      // The journal is the truth: date contributions of a letter that was made but not dated.
      const date = last.time ?? today;
      for (const { contribution } of list) if (!contribution.thanked) plan.repairs.push({ row: contribution.row, date });
      plan.skipped.push({ partner, reason: thanksMsg.alreadyMade(last.time ? formatDateLong(last.time) : '') });
      plan.doneBefore++;
      continue;
    }
    if (last && (last.status === JOURNAL_STATUS.sending || last.status === JOURNAL_STATUS.needsCheck) && !redo) {
      plan.skipped.push({ partner, reason: thanksMsg.needsCheck });
      plan.needsCheck.push(partner);
      continue;
    }
    plan.letters.push({
      partner,
      contributions: list.map((x) => x.contribution),
      key,
      values: typesetValues({
        ...base,
        ...partnerValues(partner),
        Вклад: contributionText(list),
        Период: period.text,
        Заключение: closingText(partner, list),
      }),
    });
  }
  // The numbers the claims will take, in order: previews show them.
  const numbers = journal.nextNumbers(plan.letters.length);
  plan.letters.forEach((l, i) => (l.values = numbered(l.values, numbers[i])));
  return plan;
}

/** The email of a thank-you letter, from the texts staff edit in «Настройки». */
export function thanksMail(data: WorkbookData, values: Values, to: string[]) {
  return templateMail(data.settings, 'thanks', values, to);
}

export interface ThanksContext {
  data: WorkbookData;
  journal: Journal;
  documents: DocumentPort;
  plan: ThanksPlan;
}

/** Reads the workbook, resolves the period and plans; a Russian error when it cannot. */
export function prepareThanks(rt: Runtime, request: ThanksRequest): ThanksContext | { error: string } {
  const data = workbookData(rt.workbook);
  const unusable = sheetProblems(data, [SHEET.partners, SHEET.events, SHEET.contributions]);
  if (unusable) return { error: unusable };
  const today = rt.clock.today();
  const period = resolvePeriod(data, request, today);
  if ('error' in period) return period;
  const journal = openJournal(rt, data);
  if (!journal) return { error: runMsg.noJournal };
  const plan = planThanks(data, journal, request, period, today, !rt.mail.prepareOnly);
  const documents = rt.documents(documentSettings(data.settings));
  let used: string[];
  try {
    used = documents.templatePlaceholders('thanks');
  } catch (e) {
    return { error: errorText(e) };
  }
  plan.templateProblems = numberProblems(
    checkTemplate(
      used,
      PLACEHOLDERS.thanks.map((p) => p.name),
      plan.letters.map((l) => ({ who: l.partner.organisation, values: l.values })),
    )
      // `{{Адрес}}` may be empty: the line is simply blank.
      .filter((p) => !PLACEHOLDERS.thanks.some((known) => known.optional === true && known.name === p.placeholder)),
    used,
    journal.numbered,
  ).map((p) => p.message);
  // The email's own texts («Настройки»), when the letters go by email.
  if (request.email === true) {
    const emailed = plan.letters.filter((l) => l.partner.emails.length > 0).map((l) => ({ who: l.partner.organisation, values: l.values }));
    plan.templateProblems.push(...checkEmailTemplate(data, 'thanks', emailed));
  }
  return { data, journal, documents, plan };
}
