import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../../src/ports';
import { readWorkbook } from '../../src/core/data/read';
import {
  CATEGORIES,
  COL,
  CONTRIBUTIONS_SPEC,
  EVENT_STATUSES,
  EVENTS_SPEC,
  GENDERS,
  JOURNAL_SPEC,
  PARTNERS_SPEC,
  RESOURCES,
  ROLES,
  SETTING,
  SETTINGS_SPEC,
  SHEET,
  SHEET_SPECS,
  type SettingKey,
  type SheetSpec,
} from '../../src/core/data/schema';
import { defaultTemplate, modelPlaceholders, PLACEHOLDERS } from '../../src/core/letters/templates';
import { MemoryWorkbook } from '../helpers/memory-workbook';

type JsonCell = string | number | boolean;
interface JsonSheet {
  header: string[];
  rows: JsonCell[][];
}
interface SampleJson {
  sheets: Record<string, JsonSheet>;
}

const FILE = join(__dirname, '..', '..', 'examples', 'rovesnik.json');
const RAW = readFileSync(FILE, 'utf8');
const SAMPLE = JSON.parse(RAW) as SampleJson;

const TODAY = '2026-11-27';
const RESERVED = new Set(['example.org', 'example.com', 'example.net']);

/** The seed's calendar for 2025/2026, by title. */
const SEED_TITLES = [
  'День города',
  'День матери',
  'Чаепитие для тружеников тыла, вдов и детей войны',
  'Новый год',
  'Поздравление ветеранов с Днём защитника Отечества',
  'День защитника Отечества',
  'Поздравление ветеранов с 8 Марта',
  'Международный женский день',
  'Агитбригада',
  'Поклонимся великим тем годам…',
  'Мы рождены не для войны',
  'Митинг у обелиска',
  '22 июня — День памяти и скорби!',
];

/** Rows of a sheet as objects keyed by header. */
function records(spec: SheetSpec): Record<string, JsonCell>[] {
  const sheet = SAMPLE.sheets[spec.name];
  return sheet.rows.map((row) => Object.fromEntries(sheet.header.map((h, i) => [h, row[i]])));
}
const partners = () => records(PARTNERS_SPEC);
const events = () => records(EVENTS_SPEC);
const contributions = () => records(CONTRIBUTIONS_SPEC);
const str = (v: JsonCell | undefined): string => (typeof v === 'string' ? v : String(v ?? ''));
const emailsOf = (p: Record<string, JsonCell>): string[] =>
  str(p[COL.email])
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The academic year (`2025/2026`) of an ISO date, starting 1 September. */
function yearOf(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return m >= 9 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

const eventById = () => new Map(events().map((e) => [str(e[COL.id]), e]));
/** The event a contribution row refers to, by ID or by the one event with that exact title. */
function eventOf(ref: string): Record<string, JsonCell> | undefined {
  const byId = eventById().get(ref);
  if (byId) return byId;
  const byTitle = events().filter((e) => e[COL.title] === ref);
  return byTitle.length === 1 ? byTitle[0] : undefined;
}
function partnerOf(ref: string): Record<string, JsonCell> | undefined {
  const byId = partners().find((p) => p[COL.id] === ref);
  if (byId) return byId;
  const byName = partners().filter((p) => p[COL.organisation] === ref);
  return byName.length === 1 ? byName[0] : undefined;
}

describe('examples/rovesnik.json: shape', () => {
  it('has the five sheets with exactly the spec headers', () => {
    expect(Object.keys(SAMPLE.sheets)).toEqual(SHEET_SPECS.map((s) => s.name));
    for (const spec of SHEET_SPECS) expect(SAMPLE.sheets[spec.name].header).toEqual(spec.columns.map((c) => c.header));
  });

  it('has one row per line and only string, number or boolean cells of the header width', () => {
    for (const spec of SHEET_SPECS) {
      const sheet = SAMPLE.sheets[spec.name];
      for (const row of sheet.rows) {
        expect(row).toHaveLength(sheet.header.length);
        for (const cell of row) expect(['string', 'number', 'boolean']).toContain(typeof cell);
        expect(RAW).toContain(`        ${JSON.stringify(row)}`);
      }
    }
  });

  it('keeps cells in the kind of their column', () => {
    for (const spec of SHEET_SPECS) {
      for (const rec of records(spec)) {
        for (const col of spec.columns) {
          const v = rec[col.header];
          if (v === '') {
            expect({ [col.header]: col.required ?? false }).toEqual({ [col.header]: false });
            continue;
          }
          if (col.kind === 'date') {
            expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(new Date(`${str(v)}T00:00:00Z`).toISOString().slice(0, 10)).toBe(v);
          } else if (col.kind === 'checkbox') expect(typeof v).toBe('boolean');
          else if (col.kind === 'number' || col.kind === 'money') expect(typeof v === 'number' && v > 0).toBe(true);
          else if (col.kind === 'time') expect(v).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          else if (col.kind === 'list') expect(col.options).toContain(v);
          else expect(typeof v).toBe('string');
        }
      }
    }
  });

  it('reads with no problems at all (the sample is clean)', () => {
    const init: Record<string, Cell[][]> = {};
    for (const spec of SHEET_SPECS) {
      const sheet = SAMPLE.sheets[spec.name];
      const dateCols = spec.columns.map((c) => c.kind === 'date');
      init[spec.name] = [
        sheet.header,
        ...sheet.rows.map((row) => row.map((cell, i): Cell => (dateCols[i] && cell !== '' ? new Date(`${str(cell)}T00:00:00Z`) : cell))),
      ];
    }
    const data = readWorkbook(new MemoryWorkbook(init));
    expect(data.problems.map((p) => `${p.address}: ${p.message}`)).toEqual([]);
    expect(data.assignedIds).toEqual([]);
    expect(data.partners).toHaveLength(SAMPLE.sheets[SHEET.partners].rows.length);
    expect(data.events).toHaveLength(SAMPLE.sheets[SHEET.events].rows.length);
    expect(data.contributions).toHaveLength(SAMPLE.sheets[SHEET.contributions].rows.length);
    expect(data.settings.directorName).toBe('Лаврентьева Светлана Андреевна');
  });
});

describe('examples/rovesnik.json: partners', () => {
  it('numbers partners П-001… and events М-001… without collisions', () => {
    const ids = partners().map((p) => str(p[COL.id]));
    expect(ids).toEqual(ids.map((_, i) => `П-${String(i + 1).padStart(3, '0')}`));
    const eventIds = events().map((e) => str(e[COL.id]));
    expect(eventIds).toEqual(eventIds.map((_, i) => `М-${String(i + 1).padStart(3, '0')}`));
    const names = partners().map((p) => str(p[COL.organisation]));
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every category, several partners each', () => {
    for (const category of CATEGORIES) expect(partners().filter((p) => p[COL.category] === category).length).toBeGreaterThanOrEqual(3);
    expect(partners().length).toBeGreaterThanOrEqual(20);
  });

  it('uses only reserved e-mail domains', () => {
    const all = partners().flatMap(emailsOf);
    all.push(str(records(SETTINGS_SPEC).find((r) => r[COL.parameter] === SETTING.replyTo)?.[COL.value]));
    expect(all.length).toBeGreaterThan(20);
    for (const address of all) {
      expect(address).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+$/);
      expect(RESERVED.has(address.split('@')[1])).toBe(true);
    }
    expect(RAW.match(/@[a-z0-9.-]+/gi)?.every((d) => RESERVED.has(d.slice(1)))).toBe(true);
  });

  it('has the special cases the letters must handle', () => {
    const ps = partners();
    const byContact = (name: string) => ps.find((p) => p[COL.contact] === name);
    for (const hard of ['Осадчая Любовь Ивановна', 'Горячий Пётр Семёнович', 'Мамедов Рашид Гейдар оглы']) expect(byContact(hard)).toBeDefined();
    expect(ps.find((p) => p[COL.organisation] === 'Семья Ивановых')?.[COL.contact]).not.toBe('');
    expect(ps.find((p) => p[COL.organisation] === 'Семья Кузнецовых')?.[COL.contact]).toBe('');
    // male and female, with and without patronymic
    const contacts = ps.map((p) => str(p[COL.contact])).filter(Boolean);
    expect(contacts.some((c) => /вич$/.test(c))).toBe(true);
    expect(contacts.some((c) => /вна$/.test(c))).toBe(true);
    expect(contacts.filter((c) => c.split(' ').length === 2).length).toBeGreaterThanOrEqual(1);
    expect(ps.filter((p) => p[COL.category] !== 'Семья' && p[COL.contact] === '').length).toBeGreaterThanOrEqual(2);
    expect(ps.filter((p) => p[COL.invite] === false)).toHaveLength(1);
    expect(ps.filter((p) => emailsOf(p).length === 0)).toHaveLength(1);
    const two = ps.filter((p) => emailsOf(p).length === 2);
    expect(two).toHaveLength(1);
    expect(str(two[0][COL.email])).toContain(';');
    expect(ps.filter((p) => p[COL.dativeOverride] !== '')).toHaveLength(1);
    expect(ps.filter((p) => p[COL.sponsor] === true).length).toBeGreaterThanOrEqual(3);
    for (const p of ps) expect(['', ...GENDERS]).toContain(p[COL.gender]);
  });
});

describe('examples/rovesnik.json: events', () => {
  it('holds the seed calendar of 2025/2026, all held, with reach', () => {
    const year = events().filter((e) => yearOf(str(e[COL.date])) === '2025/2026');
    for (const title of SEED_TITLES) expect(year.map((e) => e[COL.title])).toContain(title);
    for (const e of year) {
      expect(e[COL.status]).toBe('проведено');
      expect(typeof e[COL.reach]).toBe('number');
    }
    const places = (title: string) => year.filter((e) => e[COL.title] === title).map((e) => e[COL.place]);
    expect(places('День защитника Отечества')).toEqual(['ДЮЦ «Ровесник»', 'МБОУ «СОШ № 20»']);
    expect(places('Международный женский день')).toEqual(['ДЮЦ «Ровесник»', 'МБОУ «СОШ № 20»']);
    expect(places('Митинг у обелиска')).toEqual(['парк рыбозавода']);
    expect(year.find((e) => e[COL.title] === 'Мы рождены не для войны')?.[COL.audience]).toBe('учащиеся 1–6 классов');
    expect(year.find((e) => e[COL.title] === '22 июня — День памяти и скорби!')?.[COL.date]).toBe('2026-06-22');
  });

  it('has the previous year to compare with and a past-dated event is never still planned', () => {
    expect(events().filter((e) => yearOf(str(e[COL.date])) === '2024/2025').length).toBeGreaterThanOrEqual(3);
    for (const e of events()) expect(e[COL.status] === 'запланировано').toBe(str(e[COL.date]) > TODAY);
    for (const e of events()) expect(EVENT_STATUSES).toContain(e[COL.status]);
  });

  it('has upcoming events after 27.11.2026; the next one is День матери on 28.11.2026 at 15:00 in ДЮЦ', () => {
    const upcoming = events()
      .filter((e) => str(e[COL.date]) > TODAY && e[COL.status] === 'запланировано')
      .sort((a, b) => str(a[COL.date]).localeCompare(str(b[COL.date])));
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    expect(upcoming[0]).toMatchObject({ [COL.title]: 'День матери', [COL.date]: '2026-11-28', [COL.time]: '15:00', [COL.place]: 'ДЮЦ «Ровесник»' });
  });

  it('sets «Кого приглашать» on some events, to known categories, and leaves it blank on others', () => {
    const whom = events().map((e) => str(e[COL.whom]));
    expect(whom.filter((w) => w === '').length).toBeGreaterThan(3);
    const set = whom.filter(Boolean);
    expect(set.length).toBeGreaterThan(3);
    expect(set.some((w) => w.includes(';'))).toBe(true);
    for (const w of set) for (const part of w.split(';')) expect(CATEGORIES).toContain(part.trim());
  });
});

describe('examples/rovesnik.json: contributions', () => {
  it('refers to existing events and partners, mostly by ID and a few by exact title or name', () => {
    const cs = contributions();
    expect(cs.length).toBeGreaterThanOrEqual(40);
    for (const c of cs) {
      expect({ ref: c[COL.event], found: eventOf(str(c[COL.event])) !== undefined }).toEqual({ ref: c[COL.event], found: true });
      expect({ ref: c[COL.partner], found: partnerOf(str(c[COL.partner])) !== undefined }).toEqual({ ref: c[COL.partner], found: true });
    }
    const byTitle = cs.filter((c) => !/^М-\d{3}$/.test(str(c[COL.event])));
    const byName = cs.filter((c) => !/^П-\d{3}$/.test(str(c[COL.partner])));
    expect(byTitle.length).toBeGreaterThanOrEqual(2);
    expect(byName.length).toBeGreaterThanOrEqual(2);
    expect(byTitle.length + byName.length).toBeLessThan(cs.length / 4);
  });

  it('covers every resource and every role, with amounts exactly on financial rows', () => {
    const cs = contributions();
    for (const r of RESOURCES) expect(cs.map((c) => c[COL.resource])).toContain(r);
    for (const r of ROLES) expect(cs.map((c) => c[COL.role])).toContain(r);
    for (const c of cs) expect(typeof c[COL.amount] === 'number').toBe(c[COL.resource] === 'финансовый');
    expect(cs.some((c) => typeof c[COL.amount] === 'number' && !Number.isInteger(c[COL.amount]))).toBe(true);
    for (const c of cs) expect(str(c[COL.what])).toMatch(/^[а-яё]/);
  });

  it('spans 2024/2025 and 2025/2026; thank-you dates only on 2024/2025 rows', () => {
    const yearOfRow = (c: Record<string, JsonCell>) => yearOf(str(eventOf(str(c[COL.event]))?.[COL.date]));
    const cs = contributions();
    expect(new Set(cs.map(yearOfRow))).toEqual(new Set(['2024/2025', '2025/2026']));
    const thanked = cs.filter((c) => c[COL.thanked] !== '');
    expect(thanked.length).toBeGreaterThan(0);
    expect(thanked.length).toBeLessThan(cs.filter((c) => yearOfRow(c) === '2024/2025').length);
    for (const c of thanked) expect(yearOfRow(c)).toBe('2024/2025');
  });

  it('has partners new in 2025/2026 and partners lapsed since 2024/2025', () => {
    const active = (year: string) =>
      new Set(
        contributions()
          .filter((c) => yearOf(str(eventOf(str(c[COL.event]))?.[COL.date])) === year)
          .map((c) => str(partnerOf(str(c[COL.partner]))?.[COL.id])),
      );
    const before = active('2024/2025');
    const now = active('2025/2026');
    expect([...before].filter((id) => !now.has(id)).length).toBeGreaterThanOrEqual(2);
    expect([...now].filter((id) => !before.has(id)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('examples/rovesnik.json: journal, settings and the default templates', () => {
  it('has an empty journal with its header', () => {
    expect(SAMPLE.sheets[JOURNAL_SPEC.name].rows).toEqual([]);
  });

  it('has one settings row per parameter; folder and template IDs blank, the rest filled', () => {
    const rows = records(SETTINGS_SPEC);
    expect(rows.map((r) => r[COL.parameter])).toEqual(Object.values(SETTING));
    const blank: SettingKey[] = ['folder', 'invitationTemplate', 'thanksTemplate', 'envelopeTemplate'];
    for (const key of Object.keys(SETTING) as SettingKey[]) {
      const value = rows.find((r) => r[COL.parameter] === SETTING[key])?.[COL.value];
      expect({ key, blank: value === '' }).toEqual({ key, blank: blank.includes(key) });
    }
  });

  it('fills every placeholder of the default templates for every event (no empty value stops a run)', () => {
    const fromEvent: Record<string, string> = {
      Мероприятие: COL.title,
      Дата: COL.date,
      Время: COL.time,
      Место: COL.place,
      Форма: COL.form,
      Участники: COL.audience,
      Описание: COL.description,
    };
    const fromSettings: Record<string, SettingKey> = {
      Учреждение: 'centreFull',
      Учреждение_кратко: 'centreShort',
      Руководитель: 'directorName',
      Должность_руководителя: 'directorPosition',
      Исполнитель: 'performerName',
      Телефон_исполнителя: 'performerPhone',
      Адрес_учреждения: 'address',
      Телефон_учреждения: 'phone',
    };
    // Made by the program for every recipient, never blank.
    const computed = new Set([
      'Обращение',
      'Адресат',
      'Организация',
      'День_недели',
      'Дата_письма',
      'Кому_благодарность',
      'Вклад',
      'Период',
      // The registration number (given at the claim), the heading, the contacts line and the closing: never blank.
      'Рег_номер',
      'Заголовок',
      'Контакты_учреждения',
      'Заключение',
    ]);
    const settings = records(SETTINGS_SPEC);
    for (const kind of ['invitation', 'thanks'] as const) {
      for (const name of modelPlaceholders(defaultTemplate(kind))) {
        // May be empty (the postal address of a partner who gets email): never stops a run.
        if (computed.has(name) || PLACEHOLDERS[kind].some((p) => p.name === name && p.optional === true)) continue;
        if (fromSettings[name]) {
          const value = settings.find((r) => r[COL.parameter] === SETTING[fromSettings[name]])?.[COL.value];
          expect({ name, value }).toEqual({ name, value: expect.stringMatching(/\S/) });
        } else {
          expect(fromEvent[name]).toBeDefined();
          for (const e of events()) expect({ id: e[COL.id], name, value: e[fromEvent[name]] }).toEqual({ id: e[COL.id], name, value: expect.stringMatching(/\S/) });
        }
      }
    }
  });

  it('names sheets exactly as the schema does', () => {
    expect(Object.keys(SAMPLE.sheets).sort()).toEqual(Object.values(SHEET).sort());
    expect([PARTNERS_SPEC, EVENTS_SPEC, CONTRIBUTIONS_SPEC, JOURNAL_SPEC, SETTINGS_SPEC].map((s) => s.name)).toEqual(SHEET_SPECS.map((s) => s.name));
  });
});
