import {
  NBSP,
  declineName,
  detectGender,
  familyName,
  firstAndMiddle,
  fullNameNatural,
  initialsSurname,
  isFamily,
  parseFullName,
  salutation,
  type Gender,
} from '../../../src/core/russian';

/** Writes NBSP where the fixture shows a plain space (initials are bound with NBSP). */
const nb = (s: string): string => s.replace(/ /g, NBSP);

interface Person {
  contact: string;
  gender: Gender | null;
  dative: string;
  genitive: string;
  /** Initials before the dative surname, spaces meaning NBSP. */
  initials: string;
  salutation: string;
}

// Real-looking people with hand-checked forms (not copied from the library's output).
const PEOPLE: Person[] = [
  { contact: 'Сидоров Иван Петрович', gender: 'male', dative: 'Сидорову Ивану Петровичу', genitive: 'Сидорова Ивана Петровича', initials: 'И. П. Сидорову', salutation: 'Уважаемый Иван Петрович!' },
  { contact: 'Иванова Анна Сергеевна', gender: 'female', dative: 'Ивановой Анне Сергеевне', genitive: 'Ивановой Анны Сергеевны', initials: 'А. С. Ивановой', salutation: 'Уважаемая Анна Сергеевна!' },
  { contact: '  ИВАНОВ   иван ', gender: 'male', dative: 'Иванову Ивану', genitive: 'Иванова Ивана', initials: 'И. Иванову', salutation: 'Уважаемый господин Иванов!' },
  { contact: 'ПЕТРОВА МАРИЯ ИВАНОВНА', gender: 'female', dative: 'Петровой Марии Ивановне', genitive: 'Петровой Марии Ивановны', initials: 'М. И. Петровой', salutation: 'Уважаемая Мария Ивановна!' },
  { contact: 'Римский-Корсаков Николай Андреевич', gender: 'male', dative: 'Римскому-Корсакову Николаю Андреевичу', genitive: 'Римского-Корсакова Николая Андреевича', initials: 'Н. А. Римскому-Корсакову', salutation: 'Уважаемый Николай Андреевич!' },
  { contact: 'Скворцова-Степанова Ирина Павловна', gender: 'female', dative: 'Скворцовой-Степановой Ирине Павловне', genitive: 'Скворцовой-Степановой Ирины Павловны', initials: 'И. П. Скворцовой-Степановой', salutation: 'Уважаемая Ирина Павловна!' },
  { contact: 'Бонч-Бруевич Владимир Дмитриевич', gender: 'male', dative: 'Бонч-Бруевичу Владимиру Дмитриевичу', genitive: 'Бонч-Бруевича Владимира Дмитриевича', initials: 'В. Д. Бонч-Бруевичу', salutation: 'Уважаемый Владимир Дмитриевич!' },
  { contact: 'Мамедов Рашид Гейдар оглы', gender: 'male', dative: 'Мамедову Рашиду Гейдар оглы', genitive: 'Мамедова Рашида Гейдар оглы', initials: 'Р. Г. Мамедову', salutation: 'Уважаемый Рашид Гейдар оглы!' },
  { contact: 'Алиева Айгюн Рашид кызы', gender: 'female', dative: 'Алиевой Айгюн Рашид кызы', genitive: 'Алиевой Айгюн Рашид кызы', initials: 'А. Р. Алиевой', salutation: 'Уважаемая Айгюн Рашид кызы!' },
  { contact: 'Гусейнова Лейла Ильхам КЫЗЫ', gender: 'female', dative: 'Гусейновой Лейле Ильхам кызы', genitive: 'Гусейновой Лейлы Ильхам кызы', initials: 'Л. И. Гусейновой', salutation: 'Уважаемая Лейла Ильхам кызы!' },
  { contact: 'Осадчая Мария Ивановна', gender: 'female', dative: 'Осадчей Марии Ивановне', genitive: 'Осадчей Марии Ивановны', initials: 'М. И. Осадчей', salutation: 'Уважаемая Мария Ивановна!' },
  { contact: 'Горячий Степан Ильич', gender: 'male', dative: 'Горячему Степану Ильичу', genitive: 'Горячего Степана Ильича', initials: 'С. И. Горячему', salutation: 'Уважаемый Степан Ильич!' },
  { contact: 'Горячая Светлана', gender: 'female', dative: 'Горячей Светлане', genitive: 'Горячей Светланы', initials: 'С. Горячей', salutation: 'Уважаемая госпожа Горячая!' },
  { contact: 'Блестящая Дарья Андреевна', gender: 'female', dative: 'Блестящей Дарье Андреевне', genitive: 'Блестящей Дарьи Андреевны', initials: 'Д. А. Блестящей', salutation: 'Уважаемая Дарья Андреевна!' },
  { contact: 'Смирнова Любовь Петровна', gender: 'female', dative: 'Смирновой Любови Петровне', genitive: 'Смирновой Любови Петровны', initials: 'Л. П. Смирновой', salutation: 'Уважаемая Любовь Петровна!' },
  { contact: 'Черных Любовь Ильинична', gender: 'female', dative: 'Черных Любови Ильиничне', genitive: 'Черных Любови Ильиничны', initials: 'Л. И. Черных', salutation: 'Уважаемая Любовь Ильинична!' },
  { contact: 'Шевчук Анна Викторовна', gender: 'female', dative: 'Шевчук Анне Викторовне', genitive: 'Шевчук Анны Викторовны', initials: 'А. В. Шевчук', salutation: 'Уважаемая Анна Викторовна!' },
  { contact: 'Шевчук Андрей Петрович', gender: 'male', dative: 'Шевчуку Андрею Петровичу', genitive: 'Шевчука Андрея Петровича', initials: 'А. П. Шевчуку', salutation: 'Уважаемый Андрей Петрович!' },
  { contact: 'Кравец Наталья Олеговна', gender: 'female', dative: 'Кравец Наталье Олеговне', genitive: 'Кравец Натальи Олеговны', initials: 'Н. О. Кравец', salutation: 'Уважаемая Наталья Олеговна!' },
  { contact: 'Белых Ольга Ильинична', gender: 'female', dative: 'Белых Ольге Ильиничне', genitive: 'Белых Ольги Ильиничны', initials: 'О. И. Белых', salutation: 'Уважаемая Ольга Ильинична!' },
  { contact: 'Седых Никита Сергеевич', gender: 'male', dative: 'Седых Никите Сергеевичу', genitive: 'Седых Никиты Сергеевича', initials: 'Н. С. Седых', salutation: 'Уважаемый Никита Сергеевич!' },
  { contact: 'Белых Олег Никитич', gender: 'male', dative: 'Белых Олегу Никитичу', genitive: 'Белых Олега Никитича', initials: 'О. Н. Белых', salutation: 'Уважаемый Олег Никитич!' },
  { contact: 'Дурново Пётр Кузьмич', gender: 'male', dative: 'Дурново Петру Кузьмичу', genitive: 'Дурново Петра Кузьмича', initials: 'П. К. Дурново', salutation: 'Уважаемый Пётр Кузьмич!' },
  { contact: 'Бондаренко Виктор Семёнович', gender: 'male', dative: 'Бондаренко Виктору Семёновичу', genitive: 'Бондаренко Виктора Семёновича', initials: 'В. С. Бондаренко', salutation: 'Уважаемый Виктор Семёнович!' },
  { contact: 'Мирошниченко Ольга', gender: 'female', dative: 'Мирошниченко Ольге', genitive: 'Мирошниченко Ольги', initials: 'О. Мирошниченко', salutation: 'Уважаемая госпожа Мирошниченко!' },
  { contact: 'Козлова Нина Кузьмична', gender: 'female', dative: 'Козловой Нине Кузьмичне', genitive: 'Козловой Нины Кузьмичны', initials: 'Н. К. Козловой', salutation: 'Уважаемая Нина Кузьмична!' },
  { contact: 'Толстой Лев Николаевич', gender: 'male', dative: 'Толстому Льву Николаевичу', genitive: 'Толстого Льва Николаевича', initials: 'Л. Н. Толстому', salutation: 'Уважаемый Лев Николаевич!' },
  { contact: 'Заболоцкая Елена', gender: 'female', dative: 'Заболоцкой Елене', genitive: 'Заболоцкой Елены', initials: 'Е. Заболоцкой', salutation: 'Уважаемая госпожа Заболоцкая!' },
  { contact: 'Ковальчук Илья Юрьевич', gender: 'male', dative: 'Ковальчуку Илье Юрьевичу', genitive: 'Ковальчука Ильи Юрьевича', initials: 'И. Ю. Ковальчуку', salutation: 'Уважаемый Илья Юрьевич!' },
  { contact: 'Лось Кузьма Фомич', gender: 'male', dative: 'Лосю Кузьме Фомичу', genitive: 'Лося Кузьмы Фомича', initials: 'К. Ф. Лосю', salutation: 'Уважаемый Кузьма Фомич!' },
  { contact: 'Грач Юлия Михайловна', gender: 'female', dative: 'Грач Юлии Михайловне', genitive: 'Грач Юлии Михайловны', initials: 'Ю. М. Грач', salutation: 'Уважаемая Юлия Михайловна!' },
  { contact: 'Саввич Римма', gender: 'female', dative: 'Саввич Римме', genitive: 'Саввич Риммы', initials: 'Р. Саввич', salutation: 'Уважаемая госпожа Саввич!' },
  { contact: 'Тер-Петросян Армен', gender: 'male', dative: 'Тер-Петросяну Армену', genitive: 'Тер-Петросяна Армена', initials: 'А. Тер-Петросяну', salutation: 'Уважаемый господин Тер-Петросян!' },
  { contact: 'Ким Женя', gender: null, dative: 'Ким Жене', genitive: 'Ким Жени', initials: 'Ж. Ким', salutation: 'Здравствуйте, Женя Ким!' },
  { contact: 'Сидоров И.П.', gender: 'male', dative: 'Сидорову И. П.', genitive: 'Сидорова И. П.', initials: 'И. П. Сидорову', salutation: 'Уважаемый господин Сидоров!' },
  { contact: 'Иван Петрович Сидоров', gender: 'male', dative: 'Сидорову Ивану Петровичу', genitive: 'Сидорова Ивана Петровича', initials: 'И. П. Сидорову', salutation: 'Уважаемый Иван Петрович!' },
];

describe('the people fixture', () => {
  it('is big enough', () => {
    expect(PEOPLE.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(PEOPLE)('$contact', (p) => {
    it('has the expected gender', () => {
      expect(detectGender(p.contact, null)).toBe(p.gender);
    });
    it('declines to the dative with the detected gender', () => {
      expect(declineName(p.contact, detectGender(p.contact, null), 'dative')).toBe(p.dative);
    });
    it('declines to the genitive with the detected gender', () => {
      expect(declineName(p.contact, detectGender(p.contact, null), 'genitive')).toBe(p.genitive);
    });
    it('declines the same when no gender is given', () => {
      expect(declineName(p.contact, null, 'dative')).toBe(p.dative);
    });
    it('puts initials before the dative surname with NBSP', () => {
      expect(initialsSurname(p.contact, p.gender, 'dative')).toBe(nb(p.initials));
    });
    it('greets by Russian business practice', () => {
      expect(salutation({ contact: p.contact, gender: null, family: false, organisation: 'ООО «Рыбозавод»' })).toBe(p.salutation);
    });
  });
});

describe('parseFullName', () => {
  it('reads surname, first name and patronymic', () => {
    expect(parseFullName('Сидоров Иван Петрович')).toEqual({ last: 'Сидоров', first: 'Иван', middle: 'Петрович' });
  });
  it('trims, collapses spaces (including NBSP and tabs) and normalises case', () => {
    expect(parseFullName(' ИВАНОВ\u00a0 иван\tпетрович ')).toEqual({ last: 'Иванов', first: 'Иван', middle: 'Петрович' });
  });
  it('keeps hyphenated surnames, capitalising each part', () => {
    expect(parseFullName('РИМСКИЙ-КОРСАКОВ николай')).toEqual({ last: 'Римский-Корсаков', first: 'Николай', middle: '' });
  });
  it('keeps оглы/кызы in the patronymic, in lower case', () => {
    expect(parseFullName('МАМЕДОВ РАШИД ГЕЙДАР ОГЛЫ')).toEqual({ last: 'Мамедов', first: 'Рашид', middle: 'Гейдар оглы' });
  });
  it('keeps mixed-case words as written', () => {
    expect(parseFullName('МакКуин Анна')?.last).toBe('МакКуин');
  });
  it('splits glued initials and reads initials written first', () => {
    expect(parseFullName('Сидоров И.П.')).toEqual({ last: 'Сидоров', first: 'И.', middle: 'П.' });
    expect(parseFullName('И. П. Сидоров')).toEqual({ last: 'Сидоров', first: 'И.', middle: 'П.' });
  });
  it('returns only a surname when that is all there is', () => {
    expect(parseFullName('Сидоров')).toEqual({ last: 'Сидоров', first: '', middle: '' });
  });
  it('returns null for empty input', () => {
    expect(parseFullName('')).toBeNull();
    expect(parseFullName('   \u00a0 ')).toBeNull();
    expect(parseFullName('—')).toBeNull();
  });
});

describe('detectGender', () => {
  it('lets the Пол column win over everything', () => {
    expect(detectGender('Сидоров Иван Петрович', 'Ж')).toBe('female');
    expect(detectGender('Иванова Анна Сергеевна', 'М')).toBe('male');
    expect(detectGender('', 'М')).toBe('male');
  });
  it('reads the patronymic before the first name', () => {
    // Саша is androgynous; the patronymic decides.
    expect(detectGender('Петренко Саша Игоревна', null)).toBe('female');
    expect(detectGender('Петренко Саша Игоревич', null)).toBe('male');
    expect(detectGender('Мамедов Рашид Гейдароглы', null)).toBe('male');
    expect(detectGender('Алиева Айгюн Рашид-кызы', null)).toBe('female');
  });
  it('falls back to the first name, then to the surname', () => {
    expect(detectGender('Ким Анна', null)).toBe('female');
    expect(detectGender('Иванова Саша', null)).toBe('female');
    expect(detectGender('Сидоров', null)).toBe('male');
  });
  it('returns null when nothing tells', () => {
    expect(detectGender('Ким Женя', null)).toBeNull();
    expect(detectGender('', null)).toBeNull();
  });
});

describe('name forms for letters', () => {
  it('gives first name and patronymic', () => {
    expect(firstAndMiddle('Сидоров Иван Петрович', 'male', 'dative')).toBe('Ивану Петровичу');
    expect(firstAndMiddle('Сидоров Иван Петрович', 'male')).toBe('Иван Петрович');
    expect(firstAndMiddle('Смирнова Любовь Петровна', 'female', 'genitive')).toBe('Любови Петровны');
  });
  it('gives the natural order for the thank-you sentence', () => {
    expect(fullNameNatural('Сидоров Иван Петрович', 'male', 'dative')).toBe('Ивану Петровичу Сидорову');
    expect(fullNameNatural('Осадчая Мария Ивановна', 'female', 'dative')).toBe('Марии Ивановне Осадчей');
    expect(fullNameNatural('Сидоров Иван Петрович', 'male')).toBe('Иван Петрович Сидоров');
  });
  it('uses the given gender over the detected one (Любовь with no patronymic)', () => {
    expect(declineName('Гузь Любовь', 'female', 'dative')).toBe('Гузь Любови');
    expect(declineName('Шевчук Саша', 'female', 'dative')).toBe('Шевчук Саше');
    expect(declineName('Шевчук Саша', 'male', 'dative')).toBe('Шевчуку Саше');
  });
  it('gives nominative initials', () => {
    expect(initialsSurname('Сидоров Иван Петрович', 'male')).toBe(`И.${NBSP}П.${NBSP}Сидоров`);
    expect(initialsSurname('Кузнецова Анна-Мария', 'female')).toBe(`А.-М.${NBSP}Кузнецова`);
    expect(initialsSurname('Сидоров', 'male', 'dative')).toBe('Сидорову');
  });
  it('gives empty strings for an empty name', () => {
    expect(declineName('', null, 'dative')).toBe('');
    expect(initialsSurname('  ', 'male', 'dative')).toBe('');
    expect(fullNameNatural('', null, 'dative')).toBe('');
  });
});

describe('families', () => {
  it('reads the family name', () => {
    expect(familyName('Семья Ивановых')).toBe('Ивановых');
    expect(familyName('  семья   ПЕТРОВЫХ ')).toBe('Петровых');
    expect(familyName('Ивановы')).toBe('Ивановых');
    expect(familyName('Кузьмины')).toBe('Кузьминых');
    expect(familyName('ООО «Рыбозавод»')).toBe('');
  });
  it('tells families by category or name', () => {
    expect(isFamily('Семья', 'Ивановы')).toBe(true);
    expect(isFamily('Общественные организации', 'Семья Ивановых')).toBe(true);
    expect(isFamily('Предприятия и предприниматели', 'ООО «Семья»')).toBe(false);
  });
});
