import { NBSP, capitalize, nbspInitials, quotes } from '../../../src/core/russian';

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
