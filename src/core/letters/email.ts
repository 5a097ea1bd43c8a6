/**
 * Email bodies: a plain-text and an HTML version of the same paragraphs; values are escaped in HTML.
 * The subject and every paragraph take the typographic pass first.
 */
import type { Attachment, MailMessage } from '../../ports';
import type { Settings } from '../data/records';
import { typeset } from '../russian';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Paragraphs become text separated by blank lines, and `<p>` elements with escaped content. */
function bodies(paragraphs: string[]): { text: string; html: string } {
  const kept = paragraphs.filter((p) => p.trim() !== '').map(typeset);
  const html =
    '<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">' +
    kept.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') +
    '</div>';
  return { text: kept.join('\n\n'), html };
}

/** A letter's email, from the centre (sender name and reply-to from «Настройки»). */
export function composeMail(
  settings: Settings,
  to: string[],
  subject: string,
  paragraphs: string[],
  attachments: Attachment[],
): MailMessage {
  return {
    to,
    subject: typeset(subject),
    ...bodies(paragraphs),
    senderName: settings.senderName.trim() || settings.centreShort.trim(),
    replyTo: settings.replyTo.trim(),
    attachments,
  };
}

/** A note from the program to its own user: no sender name or reply-to of the centre. */
export function composeNotice(to: string, subject: string, paragraphs: string[]): MailMessage {
  return { to: [to], subject, ...bodies(paragraphs), senderName: '', replyTo: '', attachments: [] };
}
