import { CONTINUE_HANDLER, continueJob, startJob } from '../../../src/core/jobs';
import { readWorkbook } from '../../../src/core/data/read';
import { ENVELOPE_SIZES, envelopeFormat, envelopeTemplate, postalIndex, withoutIndex } from '../../../src/core/invite/envelope';
import { envelopeValues, letterNumber, registerModel, withPostalAddress, type PostItem } from '../../../src/core/invite/post';
import { defaultTemplate, modelPlaceholders, modelTexts, PLACEHOLDERS } from '../../../src/core/letters/templates';
import { centreValues, eventValues, partnerValues } from '../../../src/core/letters/fields';
import type { JournalEntry } from '../../../src/core/data/records';
import { Killed, MemoryLock, memoryRuntime, partnersWorkbook, World, type TestRuntime } from '../../helpers/memory-runtime';
import type { MemoryWorkbook } from '../../helpers/memory-workbook';

const ADDRESS_COL = 10;
const CENTRE_ADDRESS = 'пос. Примерный, ул. Школьная, 1, 692000';

/** Partners 1…noEmail get no email; their addresses (row order) as given; the centre's address has an index. */
function postWorkbook(n: number, noEmail: number, addresses: string[]): MemoryWorkbook {
  const wb = partnersWorkbook(n, { noEmail });
  addresses.forEach((address, i) => wb.edit('Партнёры', i + 2, ADDRESS_COL, address));
  wb.edit('Настройки', 3, 2, CENTRE_ADDRESS);
  return wb;
}

const LIMITS = (t: TestRuntime) => ({ softDeadlineMs: 270_000, startMs: t.world.nowMs });
const invite = (t: TestRuntime) => startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, LIMITS(t));
const envelopesOf = (t: TestRuntime) => t.documents.made.filter((d) => d.kind === 'envelope');
const registersOf = (t: TestRuntime) => t.documents.made.filter((d) => d.name.startsWith('Реестр писем для доставки'));

afterEach(() => {
  MemoryLock.held = false;
});

describe('postal index', () => {
  it.each([
    ['692501, пос. Рыбачий, ул. Садовая, д. 4', '692501', 'пос. Рыбачий, ул. Садовая, д. 4'],
    ['ул. Молодёжная, д. 7, пос. Рыбачий, 692501', '692501', 'ул. Молодёжная, д. 7, пос. Рыбачий'],
    ['Приморский край, 692501 пос. Рыбачий, ул. Ленина, 1', '692501', 'Приморский край, пос. Рыбачий, ул. Ленина, 1'],
    ['пос. Рыбачий, ул. Ленина, д. 12', '', 'пос. Рыбачий, ул. Ленина, д. 12'],
    ['69250, пос. Рыбачий', '', '69250, пос. Рыбачий'],
    ['6925011, пос. Рыбачий', '', '6925011, пос. Рыбачий'],
    ['', '', ''],
  ])('%s → index «%s»', (address, index, rest) => {
    expect(postalIndex(address)).toBe(index);
    expect(withoutIndex(address)).toBe(rest);
  });

  it('reads the format setting: C5 in Latin or Cyrillic, DL otherwise', () => {
    expect(['C5', 'c5', 'С5', 'с 5', ' C5 '].map(envelopeFormat)).toEqual(['C5', 'C5', 'C5', 'C5', 'C5']);
    expect(['DL', '', 'Е65', 'C4'].map(envelopeFormat)).toEqual(['DL', 'DL', 'DL', 'DL']);
  });
});

describe('the envelope template', () => {
  it.each(['DL', 'C5'] as const)('%s is landscape, the size of the envelope, with only known placeholders', (format) => {
    const model = envelopeTemplate(format);
    expect(model.page).toMatchObject(ENVELOPE_SIZES[format]);
    expect(model.page!.widthMm).toBeGreaterThan(model.page!.heightMm);
    const known = PLACEHOLDERS.envelope.map((p) => p.name);
    for (const name of modelPlaceholders(model)) expect(known).toContain(name);
    expect(modelPlaceholders(model)).toEqual(expect.arrayContaining(['Кому', 'Куда', 'Индекс', 'Откуда', 'Индекс_отправителя']));
    // The sender first (top left), the recipient last (bottom right).
    const [from, , to] = [model.blocks[0], null, model.blocks[model.blocks.length - 1]];
    expect(from).toMatchObject({ kind: 'table', rows: [[expect.stringContaining('Откуда'), '']] });
    expect(to).toMatchObject({ kind: 'table', rows: [['', expect.stringContaining('Куда')]] });
  });

  it('is the default template of kind envelope, in the setting format', () => {
    expect(defaultTemplate('envelope', 'C5').page?.heightMm).toBe(162);
    expect(defaultTemplate('envelope').page?.heightMm).toBe(110);
  });

  it('the default invitation puts the postal address under the addressee block, optional', () => {
    const text = modelTexts(defaultTemplate('invitation')).join('\n');
    expect(text).toContain('{{Адресат}}\n{{Адрес}}');
    expect(PLACEHOLDERS.invitation.find((p) => p.name === 'Адрес')?.optional).toBe(true);
  });
});

describe('values', () => {
  const wb = postWorkbook(2, 1, ['692501, пос. Рыбачий, ул. Садовая, д. 4']);
  const data = readWorkbook(wb);
  const partner = data.partners[0];
  const today = { year: 2026, month: 11, day: 27, hour: 10, minute: 0, second: 0 };
  const letter = { ...centreValues(data.settings, today), ...eventValues(data.events[0]), ...partnerValues(partner) };

  it('an envelope: whom in the dative, where without the index, the index, and the centre as the sender', () => {
    const v = envelopeValues(letter, partner, data.settings);
    expect(v.Кому).toBe(letter.Адресат);
    expect(v.Куда).toBe('пос.\u00a0Рыбачий, ул.\u00a0Садовая, д.\u00a04');
    expect(v.Индекс).toBe('692501');
    expect(v.Индекс_отправителя).toBe('692000');
    expect(v.Откуда).not.toContain('692000');
  });

  it('a template without {{Адрес}} gets the address under {{Адресат}}; one with it is left alone', () => {
    expect(withPostalAddress(letter, ['Адресат', 'Обращение']).Адресат).toBe(`${letter.Адресат}\n${letter.Адрес}`);
    expect(withPostalAddress(letter, ['Адресат', 'Адрес'])).toBe(letter);
    expect(withPostalAddress({ ...letter, Адрес: '' }, ['Адресат'])).toEqual({ ...letter, Адрес: '' });
  });

  it('the letter number comes from the journal or the letter, empty when there is none', () => {
    const entry = { row: 2, key: 'k', status: 'создано' } as unknown as JournalEntry;
    expect(letterNumber(entry, letter)).toBe('');
    expect(letterNumber({ ...entry, number: '01-12/7' } as unknown as JournalEntry, letter)).toBe('01-12/7');
    expect(letterNumber(undefined, { ...letter, Номер_письма: '01-12/8' })).toBe('01-12/8');
  });

  it('the register: a numbered row per letter with partner, address, phone, number and an empty signature cell', () => {
    const items: PostItem[] = [{ partner, values: letter, number: '01-12/7' }];
    const model = registerModel(items, data.events[0], data.settings, '27 ноября 2026 г.');
    const table = model.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ kind: 'table', header: ['№', 'Партнёр', 'Адрес', 'Телефон', 'Исх. № письма', expect.stringContaining('подпись')] });
    expect(table?.kind === 'table' && table.rows).toEqual([['1', expect.stringContaining('Партнёр 1'), letter.Адрес, '', '01-12/7', '']]);
    expect(model.page?.widthMm).toBe(297);
  });
});

describe('in an invitation run', () => {
  it('makes one envelope per printed letter with the address and index, and a register of them', () => {
    const t = memoryRuntime(postWorkbook(4, 2, ['692501, пос. Рыбачий, ул. Садовая, д. 4', 'пос. Рыбачий, ул. Мира, д. 11']));
    const report = invite(t);
    expect(report.printed).toBe(2);
    const [envelopes] = envelopesOf(t);
    const pages = envelopes.text.split('\n---\n');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Куда: пос.\u00a0Рыбачий, ул.\u00a0Садовая, д.\u00a04');
    expect(pages[0]).toContain('Индекс: 692501');
    expect(pages[0]).toContain('Индекс: 692000');
    expect(pages[1]).toContain('ул.\u00a0Мира');
    expect(envelopes.text).not.toContain('{{');
    const [register] = registersOf(t);
    expect(register.text).toMatch(/ООО.«Партнёр 1»/);
    expect(register.text).toContain('692501, пос.\u00a0Рыбачий');
    expect(register.text).not.toContain('Партнёр 3');
    expect(report.envelopeLink).toMatch(/^mem:/);
    expect(report.registerLink).toMatch(/^mem:/);
    expect(report.message).toContain('Конверты: 2\u00a0конверта');
    expect(report.message).toContain('Реестр писем для доставки: 2\u00a0письма');
    expect(report.message).toContain('В адресе нет почтового индекса');
    expect(report.message).toContain('ООО «Партнёр 2»');
    // The print letters carry the address too.
    const bundle = t.documents.made.find((d) => d.name.startsWith('Приглашения для печати'));
    expect(bundle?.text).toContain('692501, пос.\u00a0Рыбачий');
    // Done once: the next run makes none again.
    const again = invite(t);
    expect(again.envelopeLink).toBe('');
    expect(envelopesOf(t)).toHaveLength(1);
  });

  it('a partner with no address is in the register but gets no envelope, and the summary says so', () => {
    const t = memoryRuntime(postWorkbook(3, 2, ['692501, пос. Рыбачий, ул. Садовая, д. 4', '']));
    const report = invite(t);
    expect(envelopesOf(t)[0].text.split('\n---\n')).toHaveLength(1);
    expect(registersOf(t)[0].text).toContain('Партнёр 2');
    expect(report.message).toMatch(/Нет почтового адреса .*ООО «Партнёр 2»/);
    expect(report.ok).toBe(true);
  });

  it('an unknown field in the envelope template stops the envelopes only: the letters and the register are made', () => {
    const t = memoryRuntime(postWorkbook(3, 1, ['692501, пос. Рыбачий']));
    t.documents.templates.envelope.blocks.push({ kind: 'paragraph', text: '{{Штрихкод}}' });
    const report = invite(t);
    expect(report.printed).toBe(1);
    expect(report.sent).toBe(2);
    expect(envelopesOf(t)).toHaveLength(0);
    expect(registersOf(t)).toHaveLength(1);
    expect(report.errors).toEqual([{ who: 'конверты', message: expect.stringContaining('{{Штрихкод}}') }]);
    // Fixed, the next run makes the envelopes it still owes.
    t.documents.templates.envelope.blocks.pop();
    const next = invite(t);
    expect(next.envelopes).toBe(1);
    expect(next.sent).toBe(0);
  });

  it('past the soft deadline after the print document, the continuation makes the envelopes and register', () => {
    // Enough time for the letters, the print document, not the envelopes: find the budget that ends between.
    const full = memoryRuntime(postWorkbook(3, 2, ['692501, пос. Рыбачий', '692502, пос. Рыбачий']), new World());
    full.world.msPerCall = 1000;
    const start = full.world.nowMs;
    startJob(full.rt, { job: 'invite', eventId: 'М-001', resend: [] }, { softDeadlineMs: Infinity, startMs: start });
    // The call that adds the second (last) printed letter: the print-ready document is made letter by
    // letter, and the envelopes document after it the same way.
    const bundleAt = full.world.log.indexOf('documents.appendToBundle') + 1;
    expect(bundleAt).toBeGreaterThan(0);

    const w = new World();
    w.msPerCall = 1000;
    const u = memoryRuntime(postWorkbook(3, 2, ['692501, пос. Рыбачий', '692502, пос. Рыбачий']), w);
    const first = startJob(u.rt, { job: 'invite', eventId: 'М-001', resend: [] }, { softDeadlineMs: bundleAt * 1000 - 500, startMs: w.nowMs });
    expect(first.printed).toBe(2);
    expect(first.postDeferred).toBe(true);
    expect(first.outcome).toBe('stopped');
    expect(first.message).toContain('конверты и реестр будут сделаны при продолжении');
    expect(first.message).not.toContain('осталось 0');
    expect(envelopesOf(u)).toHaveLength(0);
    expect(u.scheduler.scheduled.has(CONTINUE_HANDLER)).toBe(true);
    w.nowMs += 60_000;
    const next = continueJob(u.rt, { softDeadlineMs: 270_000, startMs: w.nowMs })!;
    expect(next.envelopes).toBe(2);
    expect(next.registered).toBe(2);
    expect(next.outcome).toBe('done');
    expect(u.scheduler.scheduled.has(CONTINUE_HANDLER)).toBe(false);
    // Its starter hears, with the links, although the continuation sent no letter.
    const note = u.mail.outbox.find((m) => m.to[0] === 'me@example.org');
    expect(note?.text).toContain(`Конверты: ${next.envelopeLink}`);
    expect(note?.text).toContain(`Реестр писем для доставки: ${next.registerLink}`);
  });

  describe('a failure or kill at every call, then a rerun: every printed letter gets its envelope and register line', () => {
    const ADDRESSES = ['692501, пос. Рыбачий, ул. Садовая, д. 4', '692502, пос. Рыбачий, ул. Мира, д. 11', '692503, х. Весёлый'];
    const book = () => postWorkbook(5, 3, ADDRESSES);

    function sweep(mode: 'fail' | 'kill') {
      const baseline = memoryRuntime(book());
      invite(baseline);
      const total = baseline.world.calls;
      for (let k = 1; k <= total; k++) {
        const wb = book();
        const world = new World();
        if (mode === 'fail') world.failAt = k;
        else world.killAt = k;
        const first = memoryRuntime(wb, world);
        try {
          invite(first);
        } catch (e) {
          if (!(e instanceof Killed) && mode === 'kill') throw e;
        }
        MemoryLock.held = false;
        // Script properties and the Drive outlive the execution.
        const second = memoryRuntime(wb, new World(), { documents: first.documents, mail: first.mail, store: first.store });
        invite(second);
        const journal = readWorkbook(wb).journal;
        const printed = journal.filter((e) => e.status === 'создано' && e.address === '').map((e) => e.partner);
        // A kill while a letter went into the print-ready document leaves it «требует проверки» (it may be
        // there already): never added twice, so it has no envelope until a person resends it.
        const unsure = journal.filter((e) => e.status === 'требует проверки' && e.address === '').map((e) => e.partner);
        const envelopes = envelopesOf(second).map((d) => d.text).join('\n---\n');
        const registers = registersOf(second).map((d) => d.text).join('\n');
        expect([`${mode} at call ${k}`, printed.length + unsure.length]).toEqual([`${mode} at call ${k}`, 3]);
        if (mode === 'fail') expect([`${mode} at call ${k}`, unsure]).toEqual([`${mode} at call ${k}`, []]);
        for (const id of printed) {
          const i = Number(id.slice(2));
          const context = `${mode} at call ${k}, partner ${id}`;
          expect([context, envelopes.includes(`Индекс: 69250${i}`)]).toEqual([context, true]);
          expect([context, registers.includes(`Партнёр ${i}»`)]).toEqual([context, true]);
        }
        expect([`${mode} at call ${k}`, [...second.store.data.keys()].filter((key) => key.startsWith('partnerstvo.post'))]).toEqual([`${mode} at call ${k}`, []]);
      }
    }

    it('failure', () => sweep('fail'));
    it('kill', () => sweep('kill'));
  });
});
