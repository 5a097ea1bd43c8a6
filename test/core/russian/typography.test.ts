import { NBSP, capitalize, nbspInitials, quotes, stripEnclosingQuotes } from '../../../src/core/russian';

describe('NBSP', () => {
  it('is U+00A0', () => {
    expect(NBSP).toBe('\u00a0');
  });
});

describe('quotes', () => {
  it.each([
    ['ООО "Рыбозавод"', 'ООО «Рыбозавод»'],
    ['"Заря" и "Восход"', '«Заря» и «Восход»'],
    ['МБУ "ДЮЦ "Ровесник""', 'МБУ «ДЮЦ „Ровесник“»'],
    ['праздник "День матери".', 'праздник «День матери».'],
    ['("в скобках")', '(«в скобках»)'],
    ['«Уже» "новое"', '«Уже» «новое»'],
    ['ДЮЦ «Ровесник» и "Детство "Солнышко""', 'ДЮЦ «Ровесник» и «Детство „Солнышко“»'],
    ['МБУ «ДЮЦ "Ровесник"»', 'МБУ «ДЮЦ „Ровесник“»'],
    ['без кавычек', 'без кавычек'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(quotes(input)).toBe(expected);
  });
  it('leaves existing ёлочки alone', () => {
    const s = 'Муниципальное бюджетное учреждение «Детско-юношеский центр «Ровесник»';
    expect(quotes(s)).toBe(s);
  });
});

describe('nbspInitials', () => {
  it.each([
    ['И. П. Сидоров', `И.${NBSP}П.${NBSP}Сидоров`],
    ['И.П. Сидоров', `И.${NBSP}П.${NBSP}Сидоров`],
    ['Сидоров И. П.', `Сидоров${NBSP}И.${NBSP}П.`],
    ['Директор Н. А. Римская-Корсакова', `Директор Н.${NBSP}А.${NBSP}Римская-Корсакова`],
    ['т. е. ДЮЦ. Ровесник', 'т. е. ДЮЦ. Ровесник'],
  ])('%j', (input, expected) => {
    expect(nbspInitials(input)).toBe(expected);
  });
});

describe('capitalize', () => {
  it('upper-cases only the first letter', () => {
    expect(capitalize('директору МБОУ')).toBe('Директору МБОУ');
    expect(capitalize('ёлка')).toBe('Ёлка');
    expect(capitalize('')).toBe('');
  });
});

describe('stripEnclosingQuotes', () => {
  it('drops quotes around the whole text only', () => {
    expect(stripEnclosingQuotes('«Мы рождены не для войны»')).toBe('Мы рождены не для войны');
    expect(stripEnclosingQuotes(' "Поклонимся великим тем годам…" ')).toBe('Поклонимся великим тем годам…');
    expect(stripEnclosingQuotes('«Акция «Свеча памяти»»')).toBe('Акция «Свеча памяти»');
    expect(stripEnclosingQuotes('«День города» и «Новый год»')).toBe('«День города» и «Новый год»');
    expect(stripEnclosingQuotes('«Детско-юношеский центр «Ровесник»')).toBe('«Детско-юношеский центр «Ровесник»');
    expect(stripEnclosingQuotes('"А" и "Б"')).toBe('"А" и "Б"');
    expect(stripEnclosingQuotes('Новый год')).toBe('Новый год');
    expect(stripEnclosingQuotes('«»')).toBe('«»');
  });
});
