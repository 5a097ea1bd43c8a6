/**
 * The emails that carry the letters, from the texts staff edit in «Настройки» (subject and body per
 * kind of letter; setup writes the defaults, a workbook without the rows uses them). The body is plain
 * text with the letters' placeholders: it is filled literally, split into paragraphs at blank lines,
 * and `composeMail` makes the plain text and the HTML (every paragraph escaped) from the same
 * paragraphs. The check before sending is the letters' own: an unknown, malformed or empty placeholder
 * stops the run, named with the cell of the text.
 */
import type { MailMessage, LetterKind } from '../../ports';
import { ATTACHMENT_PLACEHOLDER, ATTACHMENT_TEXT, EMAIL_PLACEHOLDERS, emailTemplateMsg } from '../../messages/email-templates';
import type { Settings, WorkbookData } from '../data/records';
import { SETTING, type SettingKey } from '../data/schema';
import { composeMail } from './email';
import type { Values } from './fields';
import { checkTemplate, fillText } from './fill';
import { placeholdersIn, placeholderSyntaxProblems } from './templates';

/** The two settings that make the email of each kind of letter. */
export const EMAIL_SETTINGS: Record<LetterKind, { subject: SettingKey; body: SettingKey }> = {
  invitation: { subject: 'inviteEmailSubject', body: 'inviteEmailBody' },
  thanks: { subject: 'thanksEmailSubject', body: 'thanksEmailBody' },
};

/** The placeholder names an email of this kind knows. */
export function emailPlaceholderNames(kind: LetterKind): string[] {
  return EMAIL_PLACEHOLDERS[kind].map((p) => p.name);
}

/** Where a setting's text is, for a message: its cell, or that the default text is used. */
function whereIs(data: WorkbookData, key: SettingKey): string {
  const cell = data.settingCells?.[key];
  return cell ? emailTemplateMsg.where(cell, SETTING[key]) : emailTemplateMsg.defaultText(SETTING[key]);
}

/**
 * Problems of the email texts of this kind for these letters (`who` names each letter): malformed
 * braces, unknown placeholders, placeholders empty for some letters. Each names its cell.
 */
export function checkEmailTemplate(data: WorkbookData, kind: LetterKind, letters: { who: string; values: Values }[]): string[] {
  const known = emailPlaceholderNames(kind);
  // `{{Вложение}}` is made when the email is, with or without an attachment: never «empty».
  const withAttachment = letters.map((l) => ({ who: l.who, values: { ...l.values, [ATTACHMENT_PLACEHOLDER.name]: ATTACHMENT_TEXT[kind] } }));
  const problems: string[] = [];
  for (const key of [EMAIL_SETTINGS[kind].subject, EMAIL_SETTINGS[kind].body]) {
    const text = data.settings[key];
    const where = whereIs(data, key);
    for (const p of placeholderSyntaxProblems(text)) problems.push(emailTemplateMsg.problem(where, p));
    for (const p of checkTemplate(placeholdersIn(text), known, withAttachment)) problems.push(emailTemplateMsg.problem(where, p.message));
  }
  return problems;
}

/** Paragraphs of a filled body: split at blank lines, lines trimmed at their ends. */
function paragraphs(body: string): string[] {
  return body
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((p) => p !== '');
}

/** The email of one letter, from the staff's texts, once its attachments are known. */
export function templateMail(settings: Settings, kind: LetterKind, values: Values, to: string[]) {
  return (attachments: MailMessage['attachments']): MailMessage => {
    const all: Values = { ...values, [ATTACHMENT_PLACEHOLDER.name]: attachments.length > 0 ? ATTACHMENT_TEXT[kind] : '' };
    const subject = fillText(settings[EMAIL_SETTINGS[kind].subject], all).replace(/\s+/g, ' ').trim();
    return composeMail(settings, to, subject, paragraphs(fillText(settings[EMAIL_SETTINGS[kind].body], all)), attachments);
  };
}
