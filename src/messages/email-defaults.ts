/**
 * The default texts of the emails that carry the letters: what setup writes into «Настройки» (the
 * rows `Тема …` / `Текст …`) and what a workbook without those rows uses. Staff edit them there, with
 * the placeholders of the letters (see `email-templates.ts`). A blank line starts a new paragraph; the
 * HTML and the plain text of the email are both made from the same text. No imports: the schema reads
 * these as the settings' defaults.
 */
import type { LetterKind } from '../ports';

export const EMAIL_TEMPLATE_DEFAULTS: Record<LetterKind, { subject: string; body: string }> = {
  invitation: {
    subject: 'Приглашение: «{{Мероприятие}}», {{Дата}}',
    body: [
      '{{Обращение}}',
      '',
      '{{Учреждение_кратко}} приглашает Вас принять участие в мероприятии «{{Мероприятие}}».',
      'Дата и время: {{Дата}} ({{День_недели}}), {{Время}}.',
      'Место проведения: {{Место}}.',
      '',
      '{{Вложение}}',
      '',
      'С уважением,',
      '{{Должность_руководителя}} {{Учреждение_кратко}}',
      '{{Руководитель}}',
      '{{Телефон_учреждения}}',
    ].join('\n'),
  },
  thanks: {
    subject: 'Благодарственное письмо от {{Учреждение_кратко}}',
    body: [
      '{{Обращение}}',
      '',
      '{{Учреждение_кратко}} благодарит Вас за помощь и сотрудничество.',
      '',
      '{{Вложение}}',
      '',
      'С уважением,',
      '{{Должность_руководителя}} {{Учреждение_кратко}}',
      '{{Руководитель}}',
    ].join('\n'),
  },
};
