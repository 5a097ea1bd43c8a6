/**
 * An in-memory Runtime for core job tests. Every port call goes through one `World` that counts
 * calls, advances a fake clock per call, and can fail (throw an Error) or be killed at call N: after
 * a kill every further call throws too, as nothing runs after Apps Script's 6-minute kill.
 */
import type {
  Attachment,
  Cell,
  Clock,
  DocModel,
  DocumentPort,
  LocalDateTime,
  LockPort,
  MadeDocument,
  MailMessage,
  MailPort,
  ProgressPort,
  Runtime,
  SchedulerPort,
  StorePort,
  TemplateKind,
} from '../../src/ports';
import { defaultTemplate, modelPlaceholders, modelTexts } from '../../src/core/letters/templates';
import { fillText } from '../../src/core/letters/fill';
import { MemoryWorkbook, centreSettings } from './memory-workbook';

export class Killed {
  readonly killed = true;
}

export class World {
  calls = 0;
  failAt: number | null = null;
  killAt: number | null = null;
  dead = false;
  nowMs = Date.UTC(2026, 10, 27, 9, 0, 0);
  msPerCall = 0;
  log: string[] = [];

  tick(name: string): void {
    if (this.dead) throw new Killed();
    this.calls++;
    this.nowMs += this.msPerCall;
    this.log.push(name);
    if (this.killAt !== null && this.calls === this.killAt) {
      this.dead = true;
      throw new Killed();
    }
    if (this.failAt !== null && this.calls === this.failAt) throw new Error(`Сбой сервиса при вызове ${this.calls} (${name})`);
  }
}

/** Wraps every method of an object so each call ticks the world first. */
function counted<T extends object>(world: World, name: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        world.tick(`${name}.${String(prop)}`);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

export interface MadeDoc {
  kind: TemplateKind | 'model';
  folder: string;
  name: string;
  text: string;
}

export class MemoryDocuments implements DocumentPort {
  made: MadeDoc[] = [];
  templates: Record<TemplateKind, DocModel> = { invitation: defaultTemplate('invitation'), thanks: defaultTemplate('thanks'), envelope: defaultTemplate('envelope') };

  templatePlaceholders(kind: TemplateKind): string[] {
    return modelPlaceholders(this.templates[kind]);
  }
  templateText(kind: TemplateKind): string {
    return modelTexts(this.templates[kind]).join('\n');
  }
  private doc(made: MadeDoc): MadeDocument {
    this.made.push(made);
    const link = `mem://${this.made.length}`;
    return { link, pdf: (): Attachment => ({ fileName: `${made.name}.pdf`, mimeType: 'application/pdf' }) };
  }
  fillTemplate(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): MadeDocument {
    return this.doc({ kind, folder, name, text: fillText(this.templateText(kind), values) });
  }
  /** A print-ready document: its letters' texts joined by `---` lines. */
  startBundle(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): MadeDocument {
    return this.doc({ kind, folder, name, text: fillText(this.templateText(kind), values) });
  }
  appendToBundle(kind: TemplateKind, link: string, values: Record<string, string>): void {
    const made = this.made[Number(link.slice('mem://'.length)) - 1];
    if (!made) throw new Error(`no document ${link}`);
    made.text += `\n---\n${fillText(this.templateText(kind), values)}`;
  }
  render(model: DocModel, folder: string, name: string): MadeDocument {
    return this.doc({ kind: 'model', folder, name, text: modelTexts(model).join('\n') });
  }
}

export class MemoryMail implements MailPort {
  outbox: MailMessage[] = [];
  quota: number | null = null;
  /** The user's own address; null when it cannot be known (a consumer account in some contexts). */
  self: string | null = 'me@example.org';
  remainingQuota(): number | null {
    return this.quota;
  }
  send(message: MailMessage): void {
    if (this.quota !== null) {
      if (this.quota < message.to.length) throw new Error('Превышен лимит');
      this.quota -= message.to.length;
    }
    this.outbox.push(message);
  }
  selfAddress(): string | null {
    return this.self;
  }
}

export class MemoryLock implements LockPort {
  static held = false;
  mine = false;
  tryLock(): boolean {
    if (MemoryLock.held) return false;
    MemoryLock.held = true;
    this.mine = true;
    return true;
  }
  release(): void {
    if (this.mine) MemoryLock.held = false;
    this.mine = false;
  }
}

/**
 * Script properties' limits: 9 KB per value, 500 KB per store, keys counted too (the pessimistic
 * reading; https://developers.google.com/apps-script/guides/services/quotas, "Current limitations").
 */
export const STORE_VALUE_LIMIT = 9 * 1024;
export const STORE_TOTAL_LIMIT = 500 * 1024;
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

export class MemoryStore implements StorePort {
  data = new Map<string, string>();
  /** The most bytes one value ever held, and the most the store held at once. */
  largestValue = 0;
  largestTotal = 0;
  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  bytes(): number {
    let total = 0;
    for (const [k, v] of this.data) total += utf8(k) + utf8(v);
    return total;
  }
  set(key: string, value: string): void {
    if (utf8(value) > STORE_VALUE_LIMIT) throw new Error('Argument too large: value');
    const previous = this.data.get(key);
    const total = this.bytes() - (previous === undefined ? 0 : utf8(key) + utf8(previous)) + utf8(key) + utf8(value);
    if (total > STORE_TOTAL_LIMIT) throw new Error('You have exceeded the property storage quota.');
    this.data.set(key, value);
    this.largestValue = Math.max(this.largestValue, utf8(value));
    this.largestTotal = Math.max(this.largestTotal, total);
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}

export class MemoryScheduler implements SchedulerPort {
  /** Handlers scheduled after a delay, with the delay. */
  scheduled = new Map<string, number>();
  /** Handlers scheduled at an instant, with the instant. */
  scheduledAt = new Map<string, number>();
  scheduleOnce(handler: string, afterMs: number): void {
    this.scheduledAt.delete(handler);
    this.scheduled.set(handler, afterMs);
  }
  scheduleAt(handler: string, atMs: number): void {
    this.scheduled.delete(handler);
    this.scheduledAt.set(handler, atMs);
  }
  cancel(handler: string): void {
    this.scheduled.delete(handler);
    this.scheduledAt.delete(handler);
  }
}

export class WorldClock implements Clock {
  constructor(private readonly world: World) {}
  nowMs(): number {
    return this.world.nowMs;
  }
  today(): LocalDateTime {
    const d = new Date(this.world.nowMs + 3 * 3600 * 1000); // Moscow
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
}

export interface TestRuntime {
  rt: Runtime;
  world: World;
  workbook: MemoryWorkbook;
  documents: MemoryDocuments;
  mail: MemoryMail;
  store: MemoryStore;
  scheduler: MemoryScheduler;
}

/** A runtime over the given workbook; the world's counters cover workbook, documents and mail. */
export function memoryRuntime(workbook: MemoryWorkbook, world = new World(), shared?: Partial<Pick<TestRuntime, 'documents' | 'mail' | 'store' | 'scheduler'>>): TestRuntime {
  const documents = shared?.documents ?? new MemoryDocuments();
  const mail = shared?.mail ?? new MemoryMail();
  const store = shared?.store ?? new MemoryStore();
  const scheduler = shared?.scheduler ?? new MemoryScheduler();
  const progress: ProgressPort = { report: () => undefined };
  const rt: Runtime = {
    workbook: counted(world, 'workbook', workbook),
    documents: ((counter) => () => counter)(counted(world, 'documents', documents)),
    mail: counted(world, 'mail', mail),
    lock: new MemoryLock(),
    store,
    scheduler,
    progress,
    clock: new WorldClock(world),
  };
  return { rt, world, workbook, documents, mail, store, scheduler };
}

/** A workbook with N partners with emails and one upcoming event, plus the other sheets. */
export function partnersWorkbook(n: number, extra: { noEmail?: number } = {}): MemoryWorkbook {
  const partners: Cell[][] = [
    ['ID', 'Организация', 'Категория', 'Контактное лицо', 'Пол', 'Должность', 'Кому (дательный падеж)', 'Email', 'Телефон', 'Адрес', 'Спонсор', 'Приглашать', 'Примечание'],
  ];
  for (let i = 1; i <= n; i++) {
    const noEmail = i <= (extra.noEmail ?? 0);
    partners.push([
      `П-${String(i).padStart(3, '0')}`,
      `ООО «Партнёр ${i}»`,
      'Предприятия и предприниматели',
      i % 2 ? 'Сидоров Иван Петрович' : 'Петрова Анна Сергеевна',
      '',
      'директор',
      '',
      noEmail ? '' : `p${i}@example.org`,
      '',
      '',
      i % 3 === 0,
      true,
      '',
    ]);
  }
  return new MemoryWorkbook({
    Партнёры: partners,
    Мероприятия: [
      ['ID', 'Название', 'Дата', 'Время', 'Место', 'Форма проведения', 'Участники', 'Описание', 'Кого приглашать', 'Статус', 'Охват, чел.', 'Ответственный'],
      ['М-001', 'День матери', new Date('2026-11-28T00:00:00Z'), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы и бабушки', '', '', 'запланировано', '', ''],
    ],
    Вклад: [['Мероприятие', 'Партнёр', 'Роль', 'Ресурс', 'Что сделано', 'Сумма, руб.', 'Благодарность']],
    Журнал: [['Время', 'Действие', 'Ключ', 'Мероприятие', 'Партнёр', 'Адрес', 'Статус', 'Документ', 'Сообщение', 'Исх. номер']],
    Настройки: [
      ...centreSettings(),
      ['Исходящий номер: префикс', '01-12/'],
      ['Исходящий номер: следующий', '57'],
    ],
  });
}
