import { calls, describeDialog } from './dialog-harness';

/** Runs in the page: the preview for a request; only sponsors when asked. */
function preview(request: unknown) {
  const r = request as { sponsorsOnly: boolean; eventId: string; year: string };
  const letters = [
    { id: 'П-001', organisation: 'ООО «Рыбозавод»', sponsor: true, contributions: 1, email: 'ryba@example.org', text: 'За подарки для детей (5 000 руб.).' },
    { id: 'П-002', organisation: 'Семья Ивановых', sponsor: false, contributions: 2, email: '', text: 'За концертную программу.' },
  ].filter((l) => !r.sponsorsOnly || l.sponsor);
  return {
    ok: true,
    error: '',
    period: r.eventId ? 'Новогодний утренник' : r.year + ' учебный год',
    letters,
    skipped: [{ id: 'П-003', organisation: 'ООО «Почта»', reason: 'письмо уже сделано (1 июня 2026 г.)' }],
    templateProblems: [],
    sample: 'БЛАГОДАРСТВЕННОЕ ПИСЬМО\nУважаемый Иван Петрович!',
  };
}

const answers = {
  dialogThanksData: { events: [{ id: 'М-000', title: 'Новогодний утренник', date: '27 декабря 2025 г.', upcoming: false }], currentYear: '2025/2026', pending: null, error: '' },
  dialogPreviewThanks: preview,
  dialogStartThanks: () => ({ ok: true, message: 'Создано: 2 письма.', sent: 0, made: 2, printed: 0, errors: [], needsCheck: 0, stopped: null, attempted: 2, printLink: '' }),
};

describeDialog('the thank-you dialog', { dialog: 'thanks', answers, ready: '#preview:not([hidden])' }, (dialog) => {
  it('defaults to the current year and lists each partner with the contribution sentence', async () => {
    const { page } = dialog;
    expect(await page.inputValue('#year')).toBe('2025/2026');
    expect(await page.textContent('#period')).toContain('2025/2026 учебный год — 2\u00a0письма');
    expect(await page.textContent('#letters')).toContain('За подарки для детей (5 000 руб.).');
    expect(await page.textContent('#letters')).toContain('Семья Ивановых');
    expect(await page.textContent('#skipped')).toContain('письмо уже сделано');
    expect((await calls(page))[1]).toEqual({ name: 'dialogPreviewThanks', args: [{ eventId: '', year: '2025/2026', sponsorsOnly: false, email: false, redo: false }] });
  });

  it('options and the event period ask for a new preview', async () => {
    const { page } = dialog;
    await page.check('#sponsors');
    await page.waitForFunction(() => document.querySelectorAll('#letters tbody tr').length === 1);
    await page.check('#by-event');
    await page.waitForFunction(() => (document.getElementById('period')?.textContent ?? '').includes('Новогодний утренник'));
    const all = await calls(page);
    expect(all[all.length - 1]).toEqual({ name: 'dialogPreviewThanks', args: [{ eventId: 'М-000', year: '', sponsorsOnly: true, email: false, redo: false }] });
  });

  it('«Сделать письма» confirms, then makes them with the chosen options and shows the report', async () => {
    const { page } = dialog;
    await page.check('#email');
    await page.waitForFunction(() => !(document.getElementById('make') as HTMLButtonElement).disabled);
    await page.click('#make');
    expect(await page.textContent('#confirm-text')).toBe('Сделать 2\u00a0письма? Письма партнёрам с адресом будут отправлены по email.');
    await page.click('#confirm-yes');
    await page.waitForSelector('#report:not([hidden])');
    expect((await calls(page)).filter((c) => c.name === 'dialogStartThanks')).toEqual([
      { name: 'dialogStartThanks', args: [{ eventId: '', year: '2025/2026', sponsorsOnly: false, email: true, redo: false }] },
    ]);
    expect(await page.textContent('#report')).toContain('Создано: 2 письма.');
  });
});
