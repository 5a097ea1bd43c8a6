import { continueJob, CONTINUE_HANDLER, startJob, pendingJob } from '../../../src/core/jobs';
import { contributionText, owedThanks, previewThanks } from '../../../src/core/thanks';
import { readWorkbook } from '../../../src/core/data/read';
import type { EventRecord, Contribution } from '../../../src/core/data/records';
import { Killed, MemoryLock, memoryRuntime, partnersWorkbook, World } from '../../helpers/memory-runtime';
import type { MemoryWorkbook } from '../../helpers/memory-workbook';

const NBSP = '\u00a0';

function withContributions(): MemoryWorkbook {
  const wb = partnersWorkbook(4);
  wb.sheets.get('Партнёры')![4][3] = 'Осадчая Любовь Ивановна';
  wb.sheets.get('Партнёры')![3][3] = '';
  wb.sheets.get('Партнёры')![3][1] = 'Совет ветеранов';
  wb.sheets.get('Мероприятия')!.push(
    ['М-002', 'День матери', new Date('2025-11-27T00:00:00Z'), '15:00', 'ДЮЦ «Ровесник»', 'праздник', '', '', '', 'проведено', 120, ''],
    ['М-003', 'Новый год', new Date('2025-12-26T00:00:00Z'), '12:00', 'ДЮЦ «Ровесник»', 'праздник', '', '', '', 'проведено', 200, ''],
  );
  wb.sheets.get('Вклад')!.push(
    ['М-002', 'П-001', 'спонсор', 'финансовый', 'подарки для детей из малообеспеченных семей', 5000, ''],
    ['М-003', 'П-001', 'спонсор', 'материально-технический', 'новогодние подарки', 15000.5, ''],
    ['М-002', 'П-003', 'участник', 'кадровый', 'концертную программу для ветеранов', '', ''],
    ['М-003', 'П-004', 'соорганизатор', 'информационный', '', '', ''],
  );
  return wb;
}

const year = { job: 'thanks' as const, year: '2025/2026' };
const limits = (w: World) => ({ softDeadlineMs: 270_000, startMs: w.nowMs });

afterEach(() => {
  MemoryLock.held = false;
});

describe('thank-you letters', () => {
  it('makes one letter per partner, sponsors first, with dative names and amounts, and dates the contributions', () => {
    const t = memoryRuntime(withContributions());
    const report = startJob(t.rt, year, limits(t.world));
    expect(report.made).toBe(3);
    const [first, second, third] = t.documents.made;
    expect(first.name).toBe('Благодарственное письмо — ООО «Партнёр 1»');
    expect(first.text).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
    expect(first.text).toContain('Ивану Петровичу Сидорову');
    expect(first.text).toContain(`5${NBSP}000${NBSP}руб.`);
    expect(first.text).toContain(`15${NBSP}000,50${NBSP}руб.`);
    expect(first.text).toContain(`Общая сумма Вашей помощи${NBSP}— 20${NBSP}000,50${NBSP}руб.`);
    expect(first.text).toContain('в 2025/2026 учебном году');
    expect(second.text).toContain('коллективу «Совет ветеранов»');
    expect(second.text).toContain('Уважаемые коллеги!');
    expect(third.text).toContain('Любови Ивановне Осадчей');
    expect(third.text).toContain('Уважаемая Любовь Ивановна!');
    const data = readWorkbook(t.workbook);
    expect(data.contributions.every((c) => c.thanked !== null)).toBe(true);
    expect(t.mail.outbox).toHaveLength(0);
  });

  it('a contribution typed «Финансовая поддержка праздника» reads as a grammatical sentence in the letter', () => {
    const wb = withContributions();
    wb.sheets.get('Вклад')!.splice(1, 2, ['М-002', 'П-001', 'спонсор', 'финансовый', 'Финансовая поддержка праздника', 20000, '']);
    const t = memoryRuntime(wb);
    startJob(t.rt, year, limits(t.world));
    const letter = t.documents.made.find((d) => d.name.includes('Партнёр 1'))!;
    expect(letter.text).toContain(
      `Благодарим Вас за помощь в подготовке и проведении мероприятия «День матери» (27${NBSP}ноября 2025${NBSP}г.): финансовая поддержка праздника (20${NBSP}000${NBSP}руб.).`,
    );
    expect(letter.text).not.toMatch(/за Финансовая|за финансовая/);
  });

  it('a rerun makes nothing new unless asked to redo', () => {
    const t = memoryRuntime(withContributions());
    startJob(t.rt, year, limits(t.world));
    const again = startJob(t.rt, year, limits(t.world));
    expect(again.made).toBe(0);
    expect(t.documents.made).toHaveLength(3);
    const redo = startJob(t.rt, { ...year, redo: true }, limits(t.world));
    expect(redo.made).toBe(3);
  });

  it('«Сделать заново» cut by the soft deadline remakes the rest in the continuation, and nothing twice', () => {
    const world = new World();
    const t = memoryRuntime(withContributions(), world);
    startJob(t.rt, year, limits(world));
    world.msPerCall = 1000;
    // Room for reading the workbook and about one letter per execution (each port call costs a second).
    const DEADLINE = 25_000;
    const start = world.nowMs;
    const first = startJob(t.rt, { ...year, redo: true }, { softDeadlineMs: DEADLINE, startMs: start });
    expect(first.stopped?.reason).toBe('deadline');
    expect(first.made).toBeLessThan(3);
    const stored = pendingJob(t.rt) as { redo: boolean; redoPartners: string[] };
    expect(stored.redo).toBe(false);
    expect(stored.redoPartners).toHaveLength(3 - first.made);
    let made = first.made;
    for (let i = 0; i < 5 && t.scheduler.scheduled.has(CONTINUE_HANDLER); i++) {
      world.nowMs += 60_000;
      made += continueJob(t.rt, { softDeadlineMs: DEADLINE, startMs: world.nowMs })!.made;
    }
    expect(made).toBe(3);
    expect(t.documents.made).toHaveLength(6);
    expect(new Set(t.documents.made.slice(3).map((d) => d.name)).size).toBe(3);
  });

  it('limits to sponsors and to one event', () => {
    const t = memoryRuntime(withContributions());
    expect(previewThanks(t.rt, { year: '2025/2026', sponsorsOnly: true }).letters.map((l) => l.id)).toEqual(['П-001', 'П-003']);
    const forEvent = previewThanks(t.rt, { eventId: 'М-003' });
    expect(forEvent.letters.map((l) => l.id)).toEqual(['П-001', 'П-004']);
    // The template ends the sentence after {{Период}}: the date's «г.» must not get a second dot.
    expect(forEvent.sample).toContain(`в жизни нашего центра при проведении мероприятия «Новый год» (26${NBSP}декабря 2025${NBSP}г.).`);
    expect(forEvent.sample).not.toContain('г..');
    expect(previewThanks(t.rt, { year: 'прошлый' }).error).toContain('не учебный год');
    expect(previewThanks(t.rt, { year: '2030/2031' }).error).toContain('нет вклада');
  });

  it('emails letters with the PDF when asked', () => {
    const t = memoryRuntime(withContributions());
    startJob(t.rt, { ...year, email: true }, limits(t.world));
    expect(t.mail.outbox).toHaveLength(3);
    expect(t.mail.outbox[0].subject).toContain('Благодарственное письмо');
    expect(t.mail.outbox[0].attachments).toHaveLength(1);
  });

  it('lists contributions nobody has thanked yet, oldest first', () => {
    const t = memoryRuntime(withContributions());
    const owed = owedThanks(t.rt);
    expect(owed).toHaveLength(4);
    expect(owed[0].event).toBe('День матери');
    expect(owed[0].ageDays).toBe(365);
    startJob(t.rt, year, limits(t.world));
    expect(owedThanks(t.rt)).toHaveLength(0);
  });

  it('a fault at any call leaves no contribution dated without its letter', () => {
    const baseline = memoryRuntime(withContributions());
    startJob(baseline.rt, year, limits(baseline.world));
    for (let k = 1; k <= baseline.world.calls; k++) {
      for (const mode of ['fail', 'kill'] as const) {
        const wb = withContributions();
        const world = new World();
        if (mode === 'fail') world.failAt = k;
        else world.killAt = k;
        const t = memoryRuntime(wb, world);
        try {
          startJob(t.rt, year, limits(world));
        } catch (e) {
          if (!(e instanceof Killed) && !(e instanceof Error)) throw e;
        }
        MemoryLock.held = false;
        const data = readWorkbook(wb);
        const made = new Set(
          data.journal.filter((j) => j.status === 'создано').map((j) => j.partner),
        );
        for (const c of data.contributions) if (c.thanked) expect([k, mode, c.partnerId, made.has(c.partnerId)]).toEqual([k, mode, c.partnerId, true]);
        // A clean rerun completes the dates from the journal.
        const rerun = memoryRuntime(wb);
        startJob(rerun.rt, year, limits(rerun.world));
        const after = readWorkbook(wb);
        const done = new Set(after.journal.filter((j) => j.status === 'создано').map((j) => j.partner));
        for (const c of after.contributions) expect([k, mode, c.partnerId, c.thanked !== null]).toEqual([k, mode, c.partnerId, done.has(c.partnerId)]);
      }
    }
  });
});

describe('contribution sentence', () => {
  const ev = (id: string, title: string, month: number): EventRecord => ({
    row: 2, id, title, date: { year: 2025, month, day: 1 }, time: '', place: '', form: '', audience: '', description: '',
    inviteCategories: null, status: 'проведено', reach: null, responsible: '',
  });
  const c = (eventId: string, what: string, amount: number | null, resource: Contribution['resource'] = 'кадровый'): Contribution => ({
    row: 2, eventId, partnerId: 'П-001', role: null, resource, what, amount, thanked: null,
  });

  it('groups by event in date order, falls back to the resource kind, and totals amounts', () => {
    const text = contributionText([
      { event: ev('М-2', 'Новый год', 12), contribution: c('М-2', 'подарки', 3000, 'финансовый') },
      { event: ev('М-1', 'День города', 10), contribution: c('М-1', '', null, 'информационный') },
      { event: ev('М-2', 'Новый год', 12), contribution: c('М-2', 'ёлку', 2000, 'материально-технический') },
    ]);
    // Nominative items after «—»; «;» separates events, commas the contributions of one event.
    expect(text).toBe(
      `Благодарим Вас за помощь в подготовке и проведении мероприятий: «День города» (1${NBSP}октября 2025${NBSP}г.)${NBSP}— информационная поддержка; ` +
        `«Новый год» (1${NBSP}декабря 2025${NBSP}г.)${NBSP}— подарки (3${NBSP}000${NBSP}руб.), ёлка (2${NBSP}000${NBSP}руб.). Общая сумма Вашей помощи${NBSP}— 5${NBSP}000${NBSP}руб.`,
    );
  });

  it('a contribution typed «Финансовая поддержка праздника» reads as the item after the colon', () => {
    expect(contributionText([{ event: ev('М-1', 'День города', 10), contribution: c('М-1', 'Финансовая поддержка праздника.', 20000, 'финансовый') }])).toBe(
      `Благодарим Вас за помощь в подготовке и проведении мероприятия «День города» (1${NBSP}октября 2025${NBSP}г.): финансовая поддержка праздника (20${NBSP}000${NBSP}руб.).`,
    );
  });

  it('phrases typed in the accusative, as the program used to ask, read in the nominative; «;» when a phrase has a comma', () => {
    expect(
      contributionText([
        { event: ev('М-1', 'Митинг у обелиска', 5), contribution: c('М-1', 'медицинское сопровождение митинга', null) },
        { event: ev('М-1', 'Митинг у обелиска', 5), contribution: c('М-1', 'встречу с ветеранами', null) },
        { event: ev('М-1', 'Митинг у обелиска', 5), contribution: c('М-1', 'финансовую поддержку праздничной программы', null) },
        { event: ev('М-1', 'Митинг у обелиска', 5), contribution: c('М-1', '', null, 'временной') },
      ]),
    ).toBe(
      `Благодарим Вас за помощь в подготовке и проведении мероприятия «Митинг у обелиска» (1${NBSP}мая 2025${NBSP}г.): ` +
        'медицинское сопровождение митинга, встреча с ветеранами, финансовая поддержка праздничной программы, подаренное детям время.',
    );
    expect(
      contributionText([
        { event: ev('М-1', 'Вечер памяти', 5), contribution: c('М-1', 'приглашение тружеников тыла, вдов и детей войны', null) },
        { event: ev('М-1', 'Вечер памяти', 5), contribution: c('М-1', 'Чаепитие', null) },
      ]),
    ).toBe(`Благодарим Вас за помощь в подготовке и проведении мероприятия «Вечер памяти» (1${NBSP}мая 2025${NBSP}г.): приглашение тружеников тыла, вдов и детей войны; чаепитие.`);
  });
});

describe('bad input', () => {
  it('a contribution naming a missing event, or with text for an amount, is reported and the rest still works', () => {
    const wb = withContributions();
    wb.sheets.get('Вклад')!.push(['М-404', 'П-002', 'спонсор', 'финансовый', 'подарки', 1000, ''], ['М-002', 'П-002', 'спонсор', 'финансовый', 'подарки', 'тысяча', '']);
    const t = memoryRuntime(wb);
    const data = readWorkbook(wb);
    expect(data.problems.map((p) => `${p.address}: ${p.message}`)).toEqual([
      expect.stringMatching(/^Вклад!A6: Мероприятие «М-404» не найдено/),
      expect.stringMatching(/^Вклад!F7: «тысяча» — не сумма/),
    ]);
    const report = startJob(t.rt, year, limits(t.world));
    expect(report.made).toBe(4);
    // The row with a bad amount still thanks for what was done, without an amount.
    const second = t.documents.made.find((d) => d.name.includes('Партнёр 2'))!;
    expect(second.text).toContain('подарки');
    expect(second.text).not.toContain('тысяча');
  });
});
