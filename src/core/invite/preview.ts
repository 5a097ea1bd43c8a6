/** The preview shown before sending invitations: counts, who and why not, quota, one rendered sample. */
import type { Runtime } from '../../ports';
import { templateMsg } from '../../messages/letters';
import { CATEGORIES } from '../data/schema';
import { fillText } from '../letters/fill';
import { formatDateLong } from '../russian';
import { eventWarnings, prepareInvitations, RESENDABLE, type InviteRequest } from './plan';

export interface InvitePreview {
  ok: boolean;
  error: string;
  event: { id: string; title: string; date: string; time: string; place: string } | null;
  counts: { send: number; print: number; skipped: number };
  byCategory: { category: string; send: number; print: number; skipped: number }[];
  recipients: { id: string; organisation: string; emails: string }[];
  /** Partners who get no letter now (as many as `counts.skipped`); `resendable`: may be chosen for «Отправить повторно». */
  skipped: { id: string; organisation: string; reason: string; resendable: boolean }[];
  /** Partners whose letter goes into the print-ready document (as many as `counts.print`), and why. */
  print: { id: string; organisation: string; reason: string }[];
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
  print: [],
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
  const { plan, event, documents } = ctx;
  const quota = rt.mail.remainingQuota();
  const recipientsCount = plan.send.reduce((n, i) => n + i.to.length, 0);
  const byCategory = CATEGORIES.map((category) => ({
    category,
    send: plan.send.filter((i) => i.partner.category === category).length,
    print: plan.print.filter((i) => i.partner.category === category).length,
    skipped: plan.skipped.filter((s) => s.partner.category === category && s.kind !== 'noEmail').length,
  })).filter((c) => c.send + c.print + c.skipped > 0);
  const first = plan.send[0] ?? null;
  let sample: InvitePreview['sample'] = null;
  if (first && first.mail) {
    const message = first.mail([]);
    sample = { to: first.to.join(', '), subject: message.subject, text: message.text, letter: fillText(documents.templateText('invitation'), first.values) };
  } else if (plan.print[0]) {
    sample = { to: '', subject: '', text: '', letter: fillText(documents.templateText('invitation'), plan.print[0].values) };
  }
  return {
    ok: plan.templateProblems.length === 0,
    error: plan.templateProblems.length > 0 ? templateMsg.stopped : '',
    event: { id: event.id, title: event.title, date: formatDateLong(event.date), time: event.time, place: event.place },
    counts: { send: plan.send.length, print: plan.print.length, skipped: plan.skipped.filter((s) => s.kind !== 'noEmail').length },
    byCategory,
    recipients: plan.send.map((i) => ({ id: i.partner.id, organisation: i.partner.organisation, emails: i.to.join(', ') })),
    skipped: plan.skipped
      .filter((s) => s.kind !== 'noEmail')
      .map((s) => ({ id: s.partner.id, organisation: s.partner.organisation, reason: s.reason, resendable: RESENDABLE.includes(s.kind) })),
    print: plan.skipped.filter((s) => s.kind === 'noEmail').map((s) => ({ id: s.partner.id, organisation: s.partner.organisation, reason: s.reason })),
    quota,
    quotaShort: quota !== null && quota < recipientsCount,
    templateProblems: plan.templateProblems,
    warnings: eventWarnings(rt, event, request.eventId),
    sample,
  };
}
