import { calls, describeDialog } from './dialog-harness';

const events = [
  { id: 'М-001', title: 'День матери', date: '28 ноября 2026 г.', upcoming: true },
  { id: 'М-002', title: 'Новый год', date: '27 декабря 2026 г.', upcoming: true },
];

/** Runs in the page: the preview per event; М-002's template has a problem. */
function preview(eventId: unknown) {
  const broken = eventId === 'М-002';
  return {
    ok: !broken,
    error: broken ? 'Шаблон нужно исправить: ничего не отправлено.' : '',
    event: { id: eventId, title: broken ? 'Новый год' : 'День матери', date: '28 ноября 2026 г.', time: '15:00', place: 'ДЮЦ' },
    counts: { send: 2, print: 2, skipped: 2 },
    byCategory: [{ category: 'Предприятия и предприниматели', send: 2, print: 1, skipped: 2 }],
    recipients: [
      { id: 'П-001', organisation: 'ООО «Рыбозавод»', emails: 'ryba@example.org' },
      { id: 'П-002', organisation: 'Семья Ивановых', emails: 'ivanovy@example.org' },
    ],
    skipped: [
      { id: 'П-003', organisation: 'ООО «Почта»', reason: 'приглашение уже отправлено (20.11.2026)', resendable: true },
      { id: 'П-004', organisation: 'ООО «Гости»', reason: 'в столбце «Приглашать» снят флажок', resendable: false },
    ],
    print: [
      { id: 'П-005', organisation: 'ФАП хутора', reason: 'нет адреса электронной почты — письмо попадёт в документ для печати' },
      { id: 'П-006', organisation: 'Семья Петровых', reason: 'нет адреса электронной почты — письмо попадёт в документ для печати' },
    ],
    quota: 1,
    quotaShort: true,
    templateProblems: broken ? ['В шаблоне неизвестное поле {{Неизвестное}}.'] : [],
    warnings: broken ? ['Внимание: мероприятие «Новый год» уже прошло (27 декабря 2025 г.).'] : [],
    sample: { to: 'ryba@example.org', subject: 'Приглашение: «День матери»', text: 'Уважаемый Иван Петрович!', letter: 'Уважаемый Иван Петрович!\nПриглашаем <b>$1</b>' },
  };
}

const answers = {
  dialogInviteData: { events, selected: 'М-001', pending: { job: 'invite', eventId: 'М-001', resend: [] }, error: '' },
  dialogPreviewInvite: preview,
  dialogStartInvite: () => ({ ok: true, message: 'Отправлено: 3 письма.', sent: 3, made: 0, printed: 1, errors: [], needsCheck: 0, stopped: null, attempted: 3, printLink: 'https://docs.google.com/document/d/print/edit', envelopeLink: 'https://docs.google.com/document/d/envelopes/edit', registerLink: 'https://docs.google.com/document/d/register/edit' }),
  dialogSendTestInvite: () => ({ ok: true, message: 'Тестовое письмо отправлено на staff@example.org.' }),
  /** Runs in the page: a time in the past is refused, any other is scheduled. */
  dialogScheduleInvite: (eventId: unknown, _resend: unknown, date: unknown, time: unknown) =>
    date === '2026-11-20'
      ? { ok: false, message: 'Время отправки 20 ноября 2026 г., 08:00 уже прошло.', schedule: null }
      : {
          ok: true,
          message: 'Запланировано на 21 ноября 2026 г., ' + String(time) + ' (время таблицы).',
          schedule: { eventId, title: 'День матери', when: '21 ноября 2026 г., ' + String(time), resend: 0, by: '', note: 'Запланировано на ' + String(date) + ' ' + String(time) + ': рассылка приглашений на «День матери».' },
        },
};

describeDialog('the invitation dialog', { dialog: 'invite', answers, ready: '#preview:not([hidden])' }, (dialog) => {
  it('loads the events, preselects the server’s choice and renders the preview', async () => {
    const { page } = dialog;
    expect(await page.inputValue('#event')).toBe('М-001');
    expect(await page.locator('#event option').allTextContents()).toEqual(['День матери — 28 ноября 2026 г.', 'Новый год — 27 декабря 2026 г.']);
    expect(await page.textContent('#count-send')).toBe('2');
    expect(await page.textContent('#count-send-label')).toBe('письма по email'); // «2 письма», not «2 писем»
    expect(await page.textContent('#count-print')).toBe('2');
    expect(await page.textContent('#recipients')).toContain('ООО «Рыбозавод»');
    expect(await page.textContent('#skipped')).toContain('в столбце «Приглашать» снят флажок');
    // The cards and the lists under them count the same partners.
    expect(await page.textContent('#skipped-count')).toBe(await page.textContent('#count-skipped'));
    expect(await page.textContent('#print-count')).toBe(await page.textContent('#count-print'));
    expect(await page.textContent('#print-list')).toContain('ФАП хутора');
    expect(await page.textContent('#skipped')).not.toContain('ФАП хутора');
    expect(await page.textContent('#sample')).toBe('Уважаемый Иван Петрович!\nПриглашаем <b>$1</b>');
    expect(await page.locator('#sample b').count()).toBe(0);
    expect(await page.textContent('#quota')).toMatch(/Лимита не хватит/);
    expect(await page.isVisible('#pending')).toBe(true);
    expect(await page.isVisible('#warnings')).toBe(false);
    expect(await page.isEnabled('#send')).toBe(true);
    expect((await calls(page)).map((c) => c.name)).toEqual(['dialogInviteData', 'dialogPreviewInvite']);
  });

  it('changing the event asks for its preview; template problems show in red and disable «Отправить»', async () => {
    const { page } = dialog;
    await page.selectOption('#event', 'М-002');
    await page.waitForSelector('#problems:not([hidden])');
    const all = await calls(page);
    expect(all[all.length - 1]).toEqual({ name: 'dialogPreviewInvite', args: ['М-002'] });
    expect(await page.textContent('#problems')).toContain('{{Неизвестное}}');
    expect(await page.textContent('#warnings')).toBe('Внимание: мероприятие «Новый год» уже прошло (27 декабря 2025 г.).');
    expect(await page.isVisible('#warnings')).toBe(true);
    expect(await page.$eval('#problems', (e) => getComputedStyle(e).color)).toBe('rgb(197, 34, 31)');
    expect(await page.isDisabled('#send')).toBe(true);
    expect(await page.isDisabled('#test')).toBe(true);
  });

  it('«Отправить» asks for confirmation first, then sends the chosen event with the chosen resends and shows the report', async () => {
    const { page } = dialog;
    await page.click('#resend-box summary');
    await page.check('#resend input[value="П-003"]');
    await page.click('#send');
    expect(await page.textContent('#confirm-text')).toBe('Отправить 3\u00a0письма? Ещё 2\u00a0письма попадут в документ для печати.');
    expect((await calls(page)).some((c) => c.name === 'dialogStartInvite')).toBe(false);
    await page.click('#confirm-no');
    expect(await page.isVisible('#confirm')).toBe(false);
    await page.click('#send');
    await page.click('#confirm-yes');
    await page.waitForSelector('#report:not([hidden])');
    const start = (await calls(page)).filter((c) => c.name === 'dialogStartInvite');
    expect(start).toEqual([{ name: 'dialogStartInvite', args: ['М-001', ['П-003']] }]);
    expect(await page.textContent('#report')).toContain('Отправлено: 3 письма.');
    const links = page.locator('#report a');
    expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
      ['Открыть документ для печати', 'https://docs.google.com/document/d/print/edit'],
      ['Открыть конверты', 'https://docs.google.com/document/d/envelopes/edit'],
      ['Открыть реестр писем для доставки', 'https://docs.google.com/document/d/register/edit'],
    ]);
  });

  it('«Отправить тест себе» calls the server and shows where it went', async () => {
    const { page } = dialog;
    await page.click('#test');
    await page.waitForSelector('#report:not([hidden])');
    expect(await page.textContent('#report')).toContain('staff@example.org');
    expect((await calls(page)).filter((c) => c.name === 'dialogSendTestInvite')).toEqual([{ name: 'dialogSendTestInvite', args: ['М-001'] }]);
    expect(await page.getAttribute('#report', 'class')).toBe('report');
  });

  it('a test send that failed shows as a problem, not as done', async () => {
    const failing = await dialog.open({
      ...answers,
      dialogSendTestInvite: () => ({ ok: false, message: 'Не удалось определить ваш адрес электронной почты.' }),
    });
    await failing.click('#test');
    await failing.waitForSelector('#report:not([hidden])');
    expect(await failing.textContent('#report')).toBe('Не удалось определить ваш адрес электронной почты.');
    expect(await failing.getAttribute('#report', 'class')).toBe('report failed');
  });

  it('«Отправить позже…» asks for a date and a time, sends them with the event and the resends, and shows the schedule', async () => {
    const { page } = dialog;
    expect(await page.isVisible('#later-box')).toBe(false);
    expect(await page.isVisible('#scheduled')).toBe(false);
    await page.click('#resend-box summary');
    await page.check('#resend input[value="П-003"]');
    await page.click('#later');
    expect(await page.isVisible('#later-box')).toBe(true);
    expect(await page.getAttribute('#later-date', 'type')).toBe('date');
    expect(await page.getAttribute('#later-time', 'type')).toBe('time');
    expect(await page.textContent('#later-box')).toContain('по часовому поясу таблицы');
    await page.fill('#later-date', '2026-11-21');
    await page.fill('#later-time', '09:00');
    await page.click('#later-yes');
    await page.waitForSelector('#report:not([hidden])');
    expect((await calls(page)).filter((c) => c.name === 'dialogScheduleInvite')).toEqual([{ name: 'dialogScheduleInvite', args: ['М-001', ['П-003'], '2026-11-21', '09:00'] }]);
    expect((await calls(page)).some((c) => c.name === 'dialogStartInvite')).toBe(false);
    expect(await page.textContent('#report')).toBe('Запланировано на 21 ноября 2026 г., 09:00 (время таблицы).');
    expect(await page.isVisible('#later-box')).toBe(false);
    expect(await page.textContent('#scheduled')).toBe('Запланировано на 2026-11-21 09:00: рассылка приглашений на «День матери».');
    // «Отправить» now for the same event says that the waiting send is replaced.
    await page.click('#send');
    expect(await page.textContent('#confirm-text')).toContain('Отложенная отправка на это мероприятие будет отменена');
  });

  it('a refused time (already past) shows as a problem and the fields stay open to fix it', async () => {
    const { page } = dialog;
    await page.click('#later');
    await page.fill('#later-date', '2026-11-20');
    await page.fill('#later-time', '08:00');
    await page.click('#later-yes');
    await page.waitForSelector('#report:not([hidden])');
    expect(await page.getAttribute('#report', 'class')).toBe('report failed');
    expect(await page.textContent('#report')).toContain('уже прошло');
    expect(await page.isVisible('#later-box')).toBe(true);
    expect(await page.isVisible('#scheduled')).toBe(false);
  });

  it('a send that waits shows when the dialog opens, and «Отправить позже…» is off while the preview cannot send', async () => {
    const waiting = await dialog.open({
      ...answers,
      dialogInviteData: { ...answers.dialogInviteData, scheduled: { eventId: 'М-002', title: 'Новый год', when: '1 декабря 2026 г., 10:00', resend: 0, by: '', note: 'Запланировано на 1 декабря 2026 г., 10:00: рассылка приглашений на «Новый год».' } },
    });
    expect(await waiting.textContent('#scheduled')).toBe('Запланировано на 1 декабря 2026 г., 10:00: рассылка приглашений на «Новый год».');
    expect(await waiting.isEnabled('#later')).toBe(true);
    // For another event «Отправить» replaces nothing.
    await waiting.click('#send');
    expect(await waiting.textContent('#confirm-text')).not.toContain('Отложенная отправка');
    await waiting.selectOption('#event', 'М-002');
    await waiting.waitForSelector('#problems:not([hidden])');
    expect(await waiting.isDisabled('#later')).toBe(true);
  });
});
