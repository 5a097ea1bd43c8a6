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
import { MemoryWorkbook } from './memory-workbook';

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
  fillTemplateBundle(kind: TemplateKind, letters: Record<string, string>[], folder: string, name: string): MadeDocument {
    return this.doc({ kind, folder, name, text: letters.map((v) => fillText(this.templateText(kind), v)).join('\n---\n') });
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

export class MemoryStore implements StorePort {
  data = new Map<string, string>();
  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.data.set(key, value);
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}

export class MemoryScheduler implements SchedulerPort {
  scheduled = new Map<string, number>();
  scheduleOnce(handler: string, afterMs: number): void {
    this.scheduled.set(handler, afterMs);
  }
  cancel(handler: string): void {
    this.scheduled.delete(handler);
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
    Журнал: [['Время', 'Действие', 'Ключ', 'Мероприятие', 'Партнёр', 'Адрес', 'Статус', 'Документ', 'Сообщение']],
    Настройки: [
      ['Параметр', 'Значение'],
      ['Руководитель (ФИО)', 'Лаврентьева Светлана Андреевна'],
      ['Адрес учреждения', 'пос. Примерный, ул. Школьная, 1'],
      ['Телефон учреждения', '+7 (000) 000-00-00'],
      ['Исполнитель (ФИО)', 'Кузьмина Ольга Викторовна'],
      ['Телефон исполнителя', '+7 (000) 000-00-01'],
      ['Email для ответов', 'rovesnik@example.org'],
    ],
  });
}
