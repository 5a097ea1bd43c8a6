/**
 * The email texts staff edit in «Настройки» (defaults in `email-defaults.ts`): the placeholders they
 * know and how their problems are named.
 */
import type { LetterKind } from '../ports';
import { PLACEHOLDER_HELP, type PlaceholderInfo } from './placeholders';

export { EMAIL_TEMPLATE_DEFAULTS } from './email-defaults';

/** The one placeholder only emails know: the sentence about the attached letter. */
export const ATTACHMENT_PLACEHOLDER: PlaceholderInfo = {
  name: 'Вложение',
  description: 'Фраза о вложенном письме: «Официальное приглашение — во вложении.»; пусто, если PDF не прикладывается (тогда абзац пропадает)',
};

/** What the attachment sentence says, per kind of letter. */
export const ATTACHMENT_TEXT: Record<LetterKind, string> = {
  invitation: 'Официальное приглашение — во вложении.',
  thanks: 'Благодарственное письмо — во вложении.',
};

/** The placeholders an email knows: those of its letter, and `{{Вложение}}`. */
export const EMAIL_PLACEHOLDERS: Record<LetterKind, readonly PlaceholderInfo[]> = {
  invitation: [...PLACEHOLDER_HELP.invitation, ATTACHMENT_PLACEHOLDER],
  thanks: [...PLACEHOLDER_HELP.thanks, ATTACHMENT_PLACEHOLDER],
};

/** Problems of an email text, named with where it is (`Настройки!B19`, or the default text). */
export const emailTemplateMsg = {
  where: (address: string, label: string) => `${address} («${label}»)`,
  defaultText: (label: string) => `Настройки, текст по умолчанию «${label}»`,
  problem: (where: string, message: string) => `${where}: ${message}`,
};
