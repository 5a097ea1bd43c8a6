import { continueJob, CONTINUE_HANDLER, QUOTA_RETRY_MS, RUN_STATE_KEY, startJob, pendingJob } from '../../../src/core/jobs';
import { previewInvitations, runInvitations, sendTestInvitation } from '../../../src/core/invite';
import { readWorkbook } from '../../../src/core/data/read';
import { breakBeforeName, partnerValues } from '../../../src/core/letters/fields';
import type { Partner } from '../../../src/core/data/records';
import { Killed, MemoryLock, memoryRuntime, partnersWorkbook, World, type TestRuntime } from '../../helpers/memory-runtime';
import { MemoryWorkbook } from '../../helpers/memory-workbook';

const NO_LIMIT = { softDeadlineMs: Infinity, startMs: 0 };
const invite = (t: TestRuntime, resend: string[] = []) =>
  startJob(t.rt, { job: 'invite', eventId: 'М-001', resend }, { softDeadlineMs: 270_000, startMs: t.world.nowMs });

function journalRows(wb: MemoryWorkbook) {
  return readWorkbook(wb).journal;
}

/** Latest status per key. */
function statuses(wb: MemoryWorkbook): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of journalRows(wb)) map.set(e.key, e.status);
  return map;
}

afterEach(() => {
  MemoryLock.held = false;
});

describe('invitations', () => {
  it('sends one personal email per partner with the right subject, salutation and PDF', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    const report = invite(t);
    expect(report.message).toContain('Отправлено: 3');
    expect(t.mail.outbox).toHaveLength(3);
    const first = t.mail.outbox[0];
    expect(first.to).toEqual(['p1@example.org']);
    expect(first.subject).toBe('Приглашение: «День матери», 28\u00a0ноября 2026\u00a0г.');
    expect(first.text).toContain('Уважаемый Иван Петрович!');
    expect(t.mail.outbox[1].text).toContain('Уважаемая Анна Сергеевна!');
    expect(first.attachments.map((a) => a.mimeType)).toEqual(['application/pdf']);
    expect(first.replyTo).toBe('rovesnik@example.org');
    expect(t.documents.made[0].text).toContain('Уважаемый Иван Петрович!');
    expect(t.documents.made[0].text).not.toContain('{{');
    expect([...statuses(t.workbook).values()]).toEqual(['отправлено', 'отправлено', 'отправлено']);
    expect(t.scheduler.scheduled.size).toBe(0);
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
  });

  it('a second run sends nothing', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    invite(t);
    const again = invite(t);
    expect(t.mail.outbox).toHaveLength(3);
    expect(again.sent).toBe(0);
  });

  it('puts partners without email into one print document and does not drop them', () => {
    const t = memoryRuntime(partnersWorkbook(4, { noEmail: 2 }));
    const report = invite(t);
    expect(report.sent).toBe(2);
    expect(report.printed).toBe(2);
    const bundle = t.documents.made.find((d) => d.name.startsWith('Приглашения для печати'));
    expect(bundle?.text.split('\n---\n')).toHaveLength(2);
    expect(invite(t).printed).toBe(0);
  });

  it('stops before sending anything when the template has an unknown or empty placeholder', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    t.documents.templates.invitation.blocks.push({ kind: 'paragraph', text: '{{Неизвестное}} {{Описание}}' });
    const report = invite(t);
    expect(t.mail.outbox).toHaveLength(0);
    expect(report.message).toContain('{{Неизвестное}}');
    expect(report.message).toContain('{{Описание}} будет пустым у 3\u00a0писем');
    expect(journalRows(t.workbook)).toHaveLength(0);
  });

  it('does not double the quotes of a title typed in quotes, and a contribution may name it either way', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.get('Мероприятия')![1][1] = '«Мы рождены не для войны»';
    wb.sheets.get('Вклад')!.push(['"Мы рождены не для войны"', 'П-001', 'участник', 'кадровый', 'концерт', '', '']);
    const t = memoryRuntime(wb);
    invite(t);
    const mail = t.mail.outbox[0];
    expect(mail.subject).toBe('Приглашение: «Мы рождены не для войны», 28\u00a0ноября 2026\u00a0г.');
    expect(mail.text).toContain('в мероприятии «Мы рождены не для войны».');
    expect(t.documents.made[0].text).toContain('на мероприятие «Мы рождены не для войны», которое');
    expect(t.documents.made[0].text).not.toContain('««');
    const data = readWorkbook(t.workbook);
    expect(data.problems).toEqual([]);
    expect(data.contributions.map((c) => c.eventId)).toEqual(['М-001']);
  });

  it('inserts values literally, also into the HTML body, escaped', () => {
    const wb = partnersWorkbook(1);
    const rows = wb.sheets.get('Мероприятия')!;
    rows[1][1] = 'Праздник $1 $& \\ {{Дата}} <b>жирный</b> =1+1 🎉';
    const t = memoryRuntime(wb);
    invite(t);
    const mail = t.mail.outbox[0];
    expect(mail.subject).toContain('Праздник $1 $& \\ {{Дата}} <b>жирный</b> =1+1 🎉');
    expect(mail.html).toContain('&lt;b&gt;жирный&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>жирный');
    expect(t.documents.made[0].text).toContain('Праздник $1 $& \\ {{Дата}} <b>жирный</b> =1+1 🎉');
  });

  it('previews recipients, skip reasons, quota and a sample without writing anything', () => {
    const wb = partnersWorkbook(4, { noEmail: 1 });
    wb.sheets.get('Партнёры')![2][11] = false; // П-002 not invited
    const t = memoryRuntime(wb);
    t.mail.quota = 2;
    const preview = previewInvitations(t.rt, { eventId: 'М-001' });
    expect(preview.ok).toBe(true);
    expect(preview.counts).toEqual({ send: 2, print: 1, skipped: 1 });
    // The cards and the lists agree: one skipped, one for print, each in its own list.
    expect(preview.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('«Приглашать»')]);
    expect(preview.print.map((s) => s.reason)).toEqual([expect.stringContaining('нет адреса')]);
    expect(preview.quota).toBe(2);
    expect(preview.quotaShort).toBe(false);
    expect(preview.sample?.to).toBe('p3@example.org');
    expect(preview.sample?.letter).toContain('Уважаемый Иван Петрович!');
    expect(t.workbook.calls.filter((c) => !c.startsWith('read'))).toEqual([]);
    expect(t.mail.outbox).toHaveLength(0);
  });

  it('refuses cancelled and unknown events with a Russian message', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.get('Мероприятия')![1][9] = 'отменено';
    const t = memoryRuntime(wb);
    expect(invite(t).message).toContain('отменено');
    expect(runInvitations(t.rt, { eventId: 'М-999' }, NO_LIMIT).message).toContain('«М-999» не найдено');
  });

  it('sends a test to oneself without journaling it', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    expect(sendTestInvitation(t.rt, { eventId: 'М-001' })).toEqual({ ok: true, message: 'Тестовое письмо отправлено на me@example.org.' });
    expect(t.mail.outbox[0].subject.startsWith('[ТЕСТ] ')).toBe(true);
    expect(t.mail.outbox[0].to).toEqual(['me@example.org']);
    expect(journalRows(t.workbook)).toHaveLength(0);
  });

  it('a test send that cannot be made says so as a failure, not as a success', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    expect(sendTestInvitation(t.rt, { eventId: 'М-999' })).toEqual({ ok: false, message: expect.stringContaining('«М-999» не найдено') });
    t.mail.self = null;
    expect(sendTestInvitation(t.rt, { eventId: 'М-001' })).toEqual({ ok: false, message: 'Не удалось определить ваш адрес электронной почты.' });
    expect(t.mail.outbox).toHaveLength(0);
  });

  it('warns before inviting to an event that is already past, and a rerun says nothing new was needed', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    expect(previewInvitations(t.rt, { eventId: 'М-001' }).warnings).toEqual([]);
    expect(invite(t).message).not.toContain('Внимание');
    const again = invite(t);
    expect(again.message).toBe('Новых писем нет. Сделано или отправлено раньше: 3\u00a0письма (см. лист «Журнал»).');

    t.world.nowMs = Date.UTC(2026, 11, 2, 9); // 2 December, after «День матери» on 28 November
    const late = previewInvitations(t.rt, { eventId: 'М-001' });
    expect(late.warnings).toEqual(['Внимание: мероприятие «День матери» уже прошло (28\u00a0ноября 2026\u00a0г.). Проверьте, что выбрано нужное мероприятие.']);
    expect(invite(t, ['П-001']).message.split('\n')[0]).toBe(late.warnings[0]);
  });

  it('a second run while the lock is held sends nothing and says why', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    MemoryLock.held = true;
    const report = invite(t);
    expect(report.message).toContain('Уже идёт');
    expect(t.mail.outbox).toHaveLength(0);
  });
});

describe('the event as staff type it', () => {
  it('an ID typed with a Latin look-alike letter finds the event, with a hint', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    const preview = previewInvitations(t.rt, { eventId: 'M-001' }); // Latin M
    expect(preview.event?.id).toBe('М-001');
    expect(preview.warnings).toContainEqual(expect.stringContaining('«M-001» есть латинские буквы вместо русских: выбрано мероприятие «М-001»'));
    const run = startJob(t.rt, { job: 'invite', eventId: 'M-001', resend: [] }, NO_LIMIT);
    expect(run.sent).toBe(2);
    expect(run.message).toContain('латинские буквы');
  });

  it('an event whose date does not read is named with its problem, not «не найдено»', () => {
    const wb = partnersWorkbook(2);
    wb.sheets.get('Мероприятия')!.push(['М-003', 'Новый год', 'скоро', '', '', '', '', '', '', 'запланировано', '', '']);
    const preview = previewInvitations(memoryRuntime(wb).rt, { eventId: 'М-003' });
    expect(preview.error).toContain('Мероприятие «М-003» («Новый год») есть на листе «Мероприятия», но его строку нельзя использовать');
    expect(preview.error).toContain('Мероприятия!C3: «скоро» — не дата');
    expect(preview.error).not.toContain('не найдено');
  });
});

describe('never twice, never lost', () => {
  const N = 30;

  /** Runs with a fault at call k, then reruns cleanly; checks the promises. */
  function sweep(mode: 'fail' | 'kill') {
    const baseline = memoryRuntime(partnersWorkbook(N));
    invite(baseline);
    const totalCalls = baseline.world.calls;
    expect(baseline.mail.outbox).toHaveLength(N);
    for (let k = 1; k <= totalCalls; k++) {
      const workbook = partnersWorkbook(N);
      const world = new World();
      if (mode === 'fail') world.failAt = k;
      else world.killAt = k;
      const first = memoryRuntime(workbook, world);
      try {
        invite(first);
      } catch (e) {
        if (!(e instanceof Killed) && mode === 'kill') throw e;
        if (mode === 'fail' && !(e instanceof Error)) throw e;
      }
      MemoryLock.held = false; // a killed execution's lock is released by Apps Script
      const second = memoryRuntime(workbook, new World(), { mail: first.mail });
      invite(second);
      const perPartner = new Map<string, number>();
      for (const m of first.mail.outbox) perPartner.set(m.to[0], (perPartner.get(m.to[0]) ?? 0) + 1);
      const latest = statuses(workbook);
      for (let i = 1; i <= N; i++) {
        const address = `p${i}@example.org`;
        const count = perPartner.get(address) ?? 0;
        const status = latest.get(`invite|М-001|П-${String(i).padStart(3, '0')}`);
        const context = `${mode} at call ${k}, partner ${i}: ${count} emails, status ${status}`;
        expect([context, count <= 1]).toEqual([context, true]);
        // Sent → «отправлено», or «требует проверки» when the run died between send and record;
        // not sent → never «отправлено».
        if (count === 1) expect([context, ['отправлено', 'требует проверки'].includes(status ?? '')]).toEqual([context, true]);
        else expect([context, status]).toEqual([context, 'требует проверки']);
        if (mode === 'fail' && count === 1) expect([context, status]).toEqual([context, 'отправлено']);
      }
    }
  }

  it('a failure (exception) at any call, then a rerun: each partner gets exactly one email or «требует проверки»', () => {
    sweep('fail');
  });

  it('a kill at any call, then a rerun: each partner gets at most one email and the journal agrees', () => {
    sweep('kill');
  });
});

describe('big lists and quota', () => {
  it('300 partners finish over several executions through the continuation, never past the soft deadline', () => {
    const workbook = partnersWorkbook(300);
    const world = new World();
    world.msPerCall = 500; // every port call costs half a second
    const t = memoryRuntime(workbook, world);
    const SOFT = 270_000;
    let report = startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, { softDeadlineMs: SOFT, startMs: world.nowMs });
    let executions = 1;
    while (t.scheduler.scheduled.has(CONTINUE_HANDLER)) {
      expect(report.stopped?.reason).toBe('deadline');
      world.nowMs += 60_000;
      const start = world.nowMs;
      report = continueJob(t.rt, { softDeadlineMs: SOFT, startMs: start })!;
      // The last item started before the deadline; one item's calls may run past it, never a second item.
      expect(world.nowMs - start).toBeLessThan(SOFT + 20 * 500);
      executions++;
      expect(executions).toBeLessThan(50);
    }
    expect(executions).toBeGreaterThan(2);
    // The letters, and one note to the user who started the run that it finished in the background.
    const letters = t.mail.outbox.filter((m) => m.to[0] !== 'me@example.org');
    expect(letters).toHaveLength(300);
    expect(new Set(letters.map((m) => m.to[0])).size).toBe(300);
    const notes = t.mail.outbox.filter((m) => m.to[0] === 'me@example.org');
    expect(notes.map((m) => m.subject)).toEqual(['Партнёрство: рассылка приглашений на «День матери» — закончена']);
    expect(notes[0].text).toContain('Всего готово: 300\u00a0писем.');
    expect(notes[0].senderName).toBe('');
    expect(t.scheduler.scheduled.size).toBe(0);
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
  });

  it('5 emails left and 20 recipients: 5 sent, 15 left with a clear message; the next day sends the 15', () => {
    const t = memoryRuntime(partnersWorkbook(20));
    t.mail.quota = 5;
    const report = invite(t);
    expect(t.mail.outbox).toHaveLength(5);
    expect(report.message).toContain('Дневной лимит писем исчерпан: осталось отправить 15\u00a0писем');
    expect(report.message).toMatch(/Продолжить можно после 28\u00a0ноября 2026\u00a0г\. \d\d:\d\d/);
    expect(t.scheduler.scheduled.get(CONTINUE_HANDLER)).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    t.mail.quota = 100; // the next day
    t.world.nowMs += 24 * 3600 * 1000;
    const next = continueJob(t.rt, { softDeadlineMs: 270_000, startMs: t.world.nowMs })!;
    expect(next.sent).toBe(15);
    expect(t.mail.outbox).toHaveLength(21); // and the note that the run finished
    expect(t.mail.outbox[20].to).toEqual(['me@example.org']);
    expect(t.scheduler.scheduled.size).toBe(0);
  });

  it('a different job started while a stopped run waits for its continuation is refused, so the waiting letters are not lost', () => {
    const t = memoryRuntime(partnersWorkbook(20));
    t.mail.quota = 5;
    invite(t);
    const waiting = t.store.get(RUN_STATE_KEY);
    const thanks = startJob(t.rt, { job: 'thanks', year: '2026/2027' }, { softDeadlineMs: 270_000, startMs: t.world.nowMs });
    expect(thanks.ok).toBe(false);
    expect(thanks.message).toMatch(/^Ещё не закончена рассылка приглашений на мероприятие «М-001»: она продолжится автоматически/);
    expect(t.store.get(RUN_STATE_KEY)).toBe(waiting);
    expect(MemoryLock.held).toBe(false);
    // The same job started again by hand is its continuation, as before.
    expect(invite(t).stopped?.reason).toBe('quota');
    t.mail.quota = 100;
    t.world.nowMs += QUOTA_RETRY_MS;
    expect(continueJob(t.rt, { softDeadlineMs: 270_000, startMs: t.world.nowMs })?.sent).toBe(15);
    expect(t.mail.outbox.filter((m) => m.to[0] !== 'me@example.org')).toHaveLength(20);
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
  });

  it('an explicit resend sends again to the chosen partner only', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    invite(t);
    const report = invite(t, ['П-002']);
    expect(report.sent).toBe(1);
    expect(t.mail.outbox.map((m) => m.to[0])).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org', 'p2@example.org']);
  });

  it('a resend killed after its first letter: the continuation sends the second, not the first again', () => {
    const resend = (world: World) => {
      const t = memoryRuntime(partnersWorkbook(3), world);
      invite(t);
      world.msPerCall = 1000;
      world.nowMs += 60_000;
      return t;
    };
    const probe = new World();
    const p = resend(probe);
    const from = probe.log.length;
    invite(p, ['П-001', 'П-002']);
    const firstSend = probe.log.indexOf('mail.send', from) + 1; // 1-based call number
    const world = new World();
    world.killAt = firstSend + 2;
    const t = resend(world);
    expect(() => invite(t, ['П-001', 'П-002'])).toThrow();
    expect(t.mail.outbox.map((m) => m.to[0])).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org', 'p1@example.org']);
    world.dead = false;
    MemoryLock.held = false;
    world.nowMs += 7 * 60_000;
    continueJob(t.rt, { softDeadlineMs: 270_000, startMs: world.nowMs });
    expect(t.mail.outbox.map((m) => m.to[0]).filter((to) => to !== 'me@example.org')).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org', 'p1@example.org', 'p2@example.org']);
  });

  it('a resend cut by the daily quota sends the rest of the chosen partners the next day, and nobody twice', () => {
    const t = memoryRuntime(partnersWorkbook(4));
    invite(t);
    t.mail.quota = 1;
    const first = invite(t, ['П-001', 'П-003']);
    expect(first.sent).toBe(1);
    expect(first.stopped?.reason).toBe('quota');
    expect(pendingJob(t.rt)).toMatchObject({ resend: ['П-003'] });
    t.mail.quota = 100;
    t.world.nowMs += QUOTA_RETRY_MS;
    const next = continueJob(t.rt, { softDeadlineMs: 270_000, startMs: t.world.nowMs })!;
    expect(next.sent).toBe(1);
    expect(t.mail.outbox.slice(4).map((m) => m.to[0])).toEqual(['p1@example.org', 'p3@example.org', 'me@example.org']);
    expect(t.scheduler.scheduled.size).toBe(0);
  });

  it('offers for resending exactly the sent, printed and interrupted ones, and a printed one gets its email once it has an address', () => {
    const wb = partnersWorkbook(4, { noEmail: 1 });
    wb.sheets.get('Партнёры')![2][11] = false; // П-002 not invited
    const t = memoryRuntime(wb);
    invite(t);
    const preview = previewInvitations(t.rt, { eventId: 'М-001' });
    expect(preview.skipped.map((s) => [s.id, s.resendable])).toEqual([
      ['П-001', true],
      ['П-002', false],
      ['П-003', true],
      ['П-004', true],
    ]);
    wb.edit('Партнёры', 2, 8, 'new@example.org');
    const report = invite(t, ['П-001']);
    expect(report.sent).toBe(1);
    expect(t.mail.outbox.map((m) => m.to[0])).toEqual(['p3@example.org', 'p4@example.org', 'new@example.org']);
  });
});

describe('address block', () => {
  it('puts the person on a line of their own, never splitting the initials', () => {
    expect(breakBeforeName('Генеральному директору АО «Рыбозавод» И.\u00a0П.\u00a0Сидорову')).toBe('Генеральному директору АО «Рыбозавод»\nИ.\u00a0П.\u00a0Сидорову');
    expect(breakBeforeName('Директору И.\u00a0Сидорову')).toBe('Директору\nИ.\u00a0Сидорову');
    expect(breakBeforeName('И.\u00a0П.\u00a0Сидорову')).toBe('И.\u00a0П.\u00a0Сидорову');
    expect(breakBeforeName('Семье Ивановых')).toBe('Семье Ивановых');
  });

  it('sets a typed «Кому (дательный падеж)» like a generated block: initials bound, the person on a line of their own', () => {
    const partner: Partner = {
      row: 5, id: 'П-004', organisation: 'Администрация Приморского сельского поселения',
      category: 'Государственные структуры и органы местного самоуправления', contact: 'Горячий Пётр Семёнович', gender: null,
      position: 'глава поселения', dativeOverride: 'Главе Приморского сельского поселения П. С. Горячему',
      emails: [], badEmails: [], phone: '', address: '', sponsor: false, invite: true, note: '',
    };
    expect(partnerValues(partner).Адресат).toBe('Главе Приморского сельского поселения\nП.\u00a0С.\u00a0Горячему');
    expect(partnerValues({ ...partner, dativeOverride: 'Главе поселения Горячему П.С.' }).Адресат).toBe('Главе поселения Горячему\u00a0П.\u00a0С.');
  });
});

describe('whom the thank-you letter names', () => {
  const partner: Partner = {
    row: 5, id: 'П-019', organisation: 'МО ВОИ Приморского района', category: 'Общественные организации', contact: '', gender: null,
    position: '', dativeOverride: '', emails: [], badEmails: [], phone: '', address: '', sponsor: false, invite: true, note: '',
  };
  it('quotes only the name, never the abbreviation of the organisation form', () => {
    expect(partnerValues(partner).Кому_благодарность).toBe('коллективу МО ВОИ Приморского района');
    expect(partnerValues({ ...partner, organisation: 'ФАП хутора Весёлого' }).Кому_благодарность).toBe('коллективу ФАП хутора Весёлого');
    expect(partnerValues({ ...partner, organisation: 'АНО "Доброе сердце"' }).Кому_благодарность).toBe('коллективу АНО «Доброе сердце»');
    expect(partnerValues({ ...partner, organisation: 'Совет ветеранов' }).Кому_благодарность).toBe('коллективу «Совет ветеранов»');
  });
});
