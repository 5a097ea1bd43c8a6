/** The preview shown before making thank-you letters: which letters, with what text, who is skipped. */
import type { Runtime } from '../../ports';
import { templateMsg } from '../../messages/letters';
import { thanksMsg } from '../../messages/thanks';
import { fillText } from '../letters/fill';
import type { ThanksRequest } from './period';
import { prepareThanks } from './plan';

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
    sample: first ? fillText(ctx.documents.templateText('thanks'), first.values) : '',
  };
}
