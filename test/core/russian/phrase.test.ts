import { listItemPhrase, phraseIssues } from '../../../src/core/russian';

describe('«Что сделано» as an item of the letter’s list', () => {
  it.each([
    ['Финансовая поддержка праздника', 'финансовая поддержка праздника'],
    ['Подарки для детей.', 'подарки для детей'],
    ['  цветы   для мам ;', 'цветы для мам'],
    // Abbreviations keep their dot and their capitals.
    ['подарки и т. д.', 'подарки и т. д.'],
    ['МБОУ СОШ № 5 — концертный номер', 'МБОУ СОШ № 5 — концертный номер'],
    ['Ансамбль «Рябинушка»', 'ансамбль «Рябинушка»'],
    // What the program used to ask for (after «за») is put back into the nominative where it is certain.
    ['финансовую поддержку праздничной программы', 'финансовая поддержка праздничной программы'],
    ['Встречу учащихся с ветеранами', 'встреча учащихся с ветеранами'],
    ['сценическое оборудование и звуковую аппаратуру', 'сценическое оборудование и звуковая аппаратура'],
    ['праздничную и новогоднюю программу', 'праздничная и новогодняя программа'],
    ['экскурсию по музею', 'экскурсия по музею'],
    ['шоу-программу для детей', 'шоу-программа для детей'],
    ['ёлку', 'ёлка'],
    // Right as they are: an accusative after a preposition, indeclinable nouns, -ь nouns.
    ['поездка в новую школу', 'поездка в новую школу'],
    ['меню праздничного стола', 'меню праздничного стола'],
    ['шоу талантов', 'шоу талантов'],
    ['помощь в оформлении зала', 'помощь в оформлении зала'],
  ])('%s → %s, nothing to warn about', (typed, item) => {
    expect(listItemPhrase(typed)).toBe(item);
    expect(phraseIssues(typed)).toEqual([]);
  });

  it.each([
    ['Помогли с оформлением зала.', 'sentence'],
    ['Волонтёры провели игры. Дети довольны', 'sentence'],
    ['Спасибо за помощь!', 'sentence'],
    ['Мы подарили цветы', 'sentence'],
    ['Дед Мороз и Снегурочка на празднике', 'capital'],
    ['ведущего праздника', 'accusative'],
    ['помощь, оказанную ветеранам', 'accusative'],
    ['участие ветеранов и встречу с учащимися', 'accusative'],
  ])('%s would still read wrong: %s', (typed, issue) => {
    expect(phraseIssues(typed)).toEqual([issue]);
  });

  it('a sentence is left as typed, for staff to rewrite', () => {
    expect(listItemPhrase('Помогли с оформлением зала.')).toBe('Помогли с оформлением зала.');
  });

  it('nouns that look like verbs and dots inside a phrase are no sentence', () => {
    for (const typed of ['Медали для победителей', 'кресла для зрительного зала', 'встреча в г. Москва', 'спектакли для детей']) expect(phraseIssues(typed)).toEqual([]);
  });
});
