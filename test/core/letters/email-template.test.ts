import { startJob } from '../../../src/core/jobs';
import { previewInvitations, sendTestInvitation } from '../../../src/core/invite';
import { readWorkbook } from '../../../src/core/data/read';
import { runSetup } from '../../../src/core/data/setup';
import { SETTING, SETTING_DEFAULTS } from '../../../src/core/data/schema';
import { EMAIL_TEMPLATE_DEFAULTS } from '../../../src/messages/email-templates';
import { MemoryLock, memoryRuntime, partnersWorkbook, type TestRuntime } from '../../helpers/memory-runtime';
import type { MemoryWorkbook } from '../../helpers/memory-workbook';

const NBSP = '\u00a0';
/** The text without the typographic pass's no-break spaces and hyphens, to compare wording. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');
const invite = (t: TestRuntime) => startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, { softDeadlineMs: 270_000, startMs: t.world.nowMs });

/** The cell of the row «Настройки» gets next (the value in column B), for the messages that name it. */
const nextSettingCell = (wb: MemoryWorkbook, after = 0) => `Настройки!B${wb.sheets.get('Настройки')!.length + 1 + after}`;
const SUBJECT_CELL = nextSettingCell(partnersWorkbook(1));
const BODY_CELL = nextSettingCell(partnersWorkbook(1), 1);

/** Appends the email texts to «Настройки» (at SUBJECT_CELL and BODY_CELL). */
function withEmailTexts(wb: MemoryWorkbook, subject: string, body: string): MemoryWorkbook {
  wb.sheets.get('Настройки')!.push([SETTING.inviteEmailSubject, subject], [SETTING.inviteEmailBody, body]);
  return wb;
}

afterEach(() => {
  MemoryLock.held = false;
});

describe('the emails’ texts staff edit in «Настройки»', () => {
  it('a workbook without them sends the default texts', () => {
    const t = memoryRuntime(partnersWorkbook(1));
    invite(t);
    const [mail] = t.mail.outbox;
    expect(mail.subject).toBe(`Приглашение: «День матери», 28${NBSP}ноября 2026${NBSP}г.`);
    expect(mail.text).toMatch(/^Уважаемый Иван Петрович!\n\nДЮЦ «Ровесник» приглашает Вас принять участие в мероприятии «День матери»\.\nДата и время: 28/);
    expect(plain(mail.text)).toContain('Официальное приглашение — во вложении.');
    expect(plain(mail.text)).toContain('С уважением,\nДиректор ДЮЦ «Ровесник»');
    expect(mail.html).toContain('<p>Уважаемый Иван Петрович!</p>');
    expect(mail.text).not.toContain('{{');
  });

  it('setup writes the defaults into «Настройки», and they read back as they were', () => {
    const wb = partnersWorkbook(1);
    runSetup(wb);
    const rows = wb.sheets.get('Настройки')!;
    const body = rows.find((r) => r[0] === SETTING.inviteEmailBody)?.[1];
    expect(body).toBe(EMAIL_TEMPLATE_DEFAULTS.invitation.body);
    expect(readWorkbook(wb).settings.thanksEmailSubject).toBe(SETTING_DEFAULTS.thanksEmailSubject);
  });

  it('an edited text changes the subject, the plain text and the HTML of the sent email; values are escaped in HTML', () => {
    const wb = withEmailTexts(
      partnersWorkbook(2),
      '{{Организация}} — ждём Вас {{Дата}}',
      'Добрый день!\r\n{{Обращение}}\r\n\r\nЖдём на «{{Мероприятие}}» к {{Время}}, <адрес> на сайте & в группе.\n\n{{Вложение}}\n\n{{Руководитель}}',
    );
    wb.sheets.get('Партнёры')![1][1] = 'ООО «Партнёр <1> & Ко»';
    const t = memoryRuntime(wb);
    invite(t);
    const [mail] = t.mail.outbox;
    expect(plain(mail.subject)).toBe('ООО «Партнёр <1> & Ко» — ждём Вас 28 ноября 2026 г.');
    expect(plain(mail.text)).toBe(
      'Добрый день!\nУважаемый Иван Петрович!\n\nЖдём на «День матери» к 15:00, <адрес> на сайте & в группе.\n\nОфициальное приглашение — во вложении.\n\nС. А. Лаврентьева',
    );
    expect(mail.html).toContain('<p>Добрый день!<br>Уважаемый Иван Петрович!</p>');
    expect(mail.html).toContain('&lt;адрес&gt; на сайте &amp; в');
    expect(mail.html).not.toContain('<адрес>');
    expect(t.mail.outbox[1].subject).toContain('Партнёр 2');
  });

  it('without a PDF the {{Вложение}} paragraph is left out', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.get('Настройки')!.push([SETTING.attachPdf, 'нет']);
    const t = memoryRuntime(wb);
    invite(t);
    expect(t.mail.outbox[0].attachments).toHaveLength(0);
    expect(t.mail.outbox[0].text).not.toContain('вложении');
    expect(t.mail.outbox[0].text).not.toMatch(/\n\n\n/);
  });

  it.each([
    ['an unknown placeholder', 'Приглашение {{Мероприятия}}', SUBJECT_CELL, '{{Мероприятия}}'],
    ['an unclosed one', 'Приглашение {{Мероприятие', SUBJECT_CELL, '{{Мероприятие'],
    ['one empty for the letters', 'Приглашение: {{Описание}}', SUBJECT_CELL, '{{Описание}} будет пустым'],
  ])('%s in the subject stops the run before anything is sent, naming the cell', (_what, subject, cell, text) => {
    const t = memoryRuntime(withEmailTexts(partnersWorkbook(2), subject, EMAIL_TEMPLATE_DEFAULTS.invitation.body));
    const report = invite(t);
    expect(report.outcome).toBe('refused');
    expect(report.message).toContain(`${cell} («${SETTING.inviteEmailSubject}»)`);
    expect(report.message).toContain(text);
    expect(t.mail.outbox).toHaveLength(0);
    expect(t.documents.made).toHaveLength(0);
    expect(readWorkbook(t.workbook).journal).toHaveLength(0);
    // The preview and «Отправить тест себе» say the same and send nothing.
    expect(previewInvitations(t.rt, { eventId: 'М-001' }).templateProblems.join('\n')).toContain(cell);
    expect(sendTestInvitation(t.rt, { eventId: 'М-001' }).ok).toBe(false);
    expect(t.mail.outbox).toHaveLength(0);
  });

  it('a broken placeholder in the body is named with its cell too', () => {
    const t = memoryRuntime(withEmailTexts(partnersWorkbook(1), EMAIL_TEMPLATE_DEFAULTS.invitation.subject, '{{Обращение}}\n\n{{Неизвестно}}'));
    const report = invite(t);
    expect(report.message).toContain(`${BODY_CELL} («${SETTING.inviteEmailBody}»): В шаблоне неизвестное поле {{Неизвестно}}`);
    expect(t.mail.outbox).toHaveLength(0);
  });

  it('thank-you emails come from their own texts, checked only when they are emailed', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.get('Мероприятия')!.push(['М-002', 'Новый год', new Date('2025-12-26T00:00:00Z'), '12:00', 'ДЮЦ', 'праздник', 'дети', '', '', 'проведено', 20, '']);
    wb.sheets.get('Вклад')!.push(['М-002', 'П-001', 'спонсор', 'финансовый', 'подарки', 5000, '']);
    wb.sheets.get('Настройки')!.push([SETTING.thanksEmailSubject, 'Спасибо, {{Организация}}!'], [SETTING.thanksEmailBody, '{{Обращение}}\n\n{{Вклад}}\n\n{{Вложение}}']);
    const t = memoryRuntime(wb);
    startJob(t.rt, { job: 'thanks', eventId: 'М-002', email: true }, { softDeadlineMs: 270_000, startMs: t.world.nowMs });
    const [mail] = t.mail.outbox;
    expect(plain(mail.subject)).toBe('Спасибо, ООО «Партнёр 1»!');
    expect(plain(mail.text)).toContain('мероприятия «Новый год» (26 декабря 2025 г.): подарки (5 000 руб.).');
    expect(plain(mail.text)).toContain('Благодарственное письмо — во вложении.');

    const broken = partnersWorkbook(1);
    broken.sheets.get('Мероприятия')!.push(['М-002', 'Новый год', new Date('2025-12-26T00:00:00Z'), '12:00', 'ДЮЦ', 'праздник', 'дети', '', '', 'проведено', 20, '']);
    broken.sheets.get('Вклад')!.push(['М-002', 'П-001', 'спонсор', 'финансовый', 'подарки', 5000, '']);
    broken.sheets.get('Настройки')!.push([SETTING.thanksEmailSubject, 'Спасибо {{Кому}}']);
    const b = memoryRuntime(broken);
    const refused = startJob(b.rt, { job: 'thanks', eventId: 'М-002', email: true }, { softDeadlineMs: 270_000, startMs: b.world.nowMs });
    expect(refused.message).toContain(`${SUBJECT_CELL} («${SETTING.thanksEmailSubject}»)`);
    expect(b.mail.outbox).toHaveLength(0);
    expect(b.documents.made).toHaveLength(0);
    // Letters without email do not need the email's text.
    MemoryLock.held = false;
    const docsOnly = startJob(b.rt, { job: 'thanks', eventId: 'М-002' }, { softDeadlineMs: 270_000, startMs: b.world.nowMs });
    expect(docsOnly.made).toBe(1);
  });
});
