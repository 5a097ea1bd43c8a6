/**
 * Names that real workbooks hold and simple rules get wrong, one `describe` per pattern (the titles
 * start with «name pattern:», and the test reporter counts them at the end of `npm test`). Every
 * expected form is written by hand from the rules in src/core/russian/names.ts and salutation.ts,
 * never copied from the program's output.
 */
import {
  NBSP,
  addressee,
  declineName,
  detectGender,
  familyName,
  firstNameGender,
  fullNameNatural,
  initialsSurname,
  isNotAPerson,
  isOrganisationName,
  parseFullName,
  salutation,
  type Gender,
  type GenderMark,
} from '../../../src/core/russian';
import { partnerValues } from '../../../src/core/letters/fields';
import type { Partner } from '../../../src/core/data/records';

/** Spaces in the fixture's initials stand for NBSP. */
const nb = (s: string): string => s.replace(/ /g, NBSP);

interface Case {
  contact: string;
  gender: Gender | null;
  dative: string;
  genitive: string;
  /** Initials before the dative surname. */
  initials: string;
  salutation: string;
  /** The `Пол` column, when the case sets it. */
  mark?: GenderMark;
}

/** Every check of a person: gender, both cases, initials, salutation. */
function checkPeople(cases: Case[]): void {
  describe.each(cases)('$contact', (c) => {
    const mark = c.mark ?? null;
    it('gender', () => expect(detectGender(c.contact, mark)).toBe(c.gender));
    it('dative', () => expect(declineName(c.contact, detectGender(c.contact, mark), 'dative')).toBe(c.dative));
    it('genitive', () => expect(declineName(c.contact, detectGender(c.contact, mark), 'genitive')).toBe(c.genitive));
    it('initials', () => expect(initialsSurname(c.contact, detectGender(c.contact, mark), 'dative')).toBe(nb(c.initials)));
    it('salutation', () => expect(salutation({ contact: c.contact, gender: mark, family: false, organisation: 'ООО «Рыбозавод»' })).toBe(c.salutation));
  });
}

function partner(contact: string, category: Partner['category'], gender: GenderMark | null = null): Partner {
  return { row: 2, id: 'П-001', organisation: '', category, contact, gender, position: '', dativeOverride: '', emails: [], badEmails: [], phone: '', address: '', sponsor: false, invite: true, note: '' };
}

const block = (contact: string, organisation: string, position = '', override = ''): string =>
  addressee({ contact, gender: null, family: false, organisation, position, override });

describe('name pattern: an organisation typed as the contact is left as written', () => {
  it.each([
    'СОШ № 5',
    'МБОУ «Лицей»',
    'МБОУ СОШ',
    'МБДОУ Детский сад',
    'Администрация Октябрьского района',
    'Совет ветеранов',
    'Отдел культуры',
    'Управление образования',
    'ДК "Юность"',
    'Школа 12',
    'Родительский комитет',
    'Центр социального обслуживания',
  ])('%s is no person', (contact) => {
    expect(isOrganisationName(contact)).toBe(true);
    expect(parseFullName(contact)).toBeNull();
    expect(salutation({ contact, gender: null, family: false, organisation: '' })).toBe('Уважаемые коллеги!');
    expect(declineName(contact, null, 'dative')).toBe('');
  });
  it('stands in the address block as written, instead of a blank organisation or after it', () => {
    expect(block('Администрация Октябрьского района', '')).toBe('Администрация Октябрьского района');
    expect(block('СОШ № 5', '', 'директор')).toBe('Директору СОШ № 5');
    expect(block('Методическое объединение', 'МБОУ «СОШ № 5»', 'руководитель')).toBe('Руководителю МБОУ «СОШ № 5», Методическое объединение');
    expect(block('СОШ № 5', 'МБОУ «СОШ № 5»', 'директор')).toBe('Директору МБОУ «СОШ № 5»');
  });
  it('is thanked as a collective by its name', () => {
    expect(partnerValues(partner('Совет ветеранов', 'Общественные организации')).Кому_благодарность).toBe('коллективу «Совет ветеранов»');
    expect(partnerValues(partner('Совет ветеранов', 'Общественные организации', 'М')).Кому_благодарность).toBe('коллективу «Совет ветеранов»');
  });
  it('is never declined in the letter values', () => {
    const values = partnerValues(partner('Администрация Октябрьского района', 'Государственные структуры и органы местного самоуправления'));
    expect(values.Адресат).toBe('Администрация Октябрьского района');
    expect(values.Обращение).toBe('Уважаемые коллеги!');
    expect(JSON.stringify(values)).not.toMatch(/Октябрьского Района|Администрации/);
  });
});

describe('name pattern: foreign and non-Slavic first names have their gender', () => {
  it.each([
    ['Джейн', 'female'],
    ['Маргарет', 'female'],
    ['Мари', 'female'],
    ['Сьюзан', 'female'],
    ['Софи', 'female'],
    ['Айгерим', 'female'],
    ['Иоганн', 'male'],
    ['Жан', 'male'],
    ['Анри', 'male'],
    ['Рашид', 'male'],
    ['Мишель', 'both'],
  ])('%s is %s', (name, gender) => {
    expect(firstNameGender(name)).toBe(gender);
  });
  checkPeople([
    { contact: 'Смит Джейн', gender: 'female', dative: 'Смит Джейн', genitive: 'Смит Джейн', initials: 'Д. Смит', salutation: 'Уважаемая госпожа Смит!' },
    { contact: 'Тэтчер Маргарет', gender: 'female', dative: 'Тэтчер Маргарет', genitive: 'Тэтчер Маргарет', initials: 'М. Тэтчер', salutation: 'Уважаемая госпожа Тэтчер!' },
    { contact: 'Кюри Мари', gender: 'female', dative: 'Кюри Мари', genitive: 'Кюри Мари', initials: 'М. Кюри', salutation: 'Уважаемая госпожа Кюри!' },
    { contact: 'Штраус Иоганн', gender: 'male', dative: 'Штраусу Иоганну', genitive: 'Штрауса Иоганна', initials: 'И. Штраусу', salutation: 'Уважаемый господин Штраус!' },
  ]);
});

describe('name pattern: women’s names in -ь take -и (Суперанская), West European ones stay', () => {
  checkPeople([
    { contact: 'Сафина Айгюль Ринатовна', gender: 'female', dative: 'Сафиной Айгюли Ринатовне', genitive: 'Сафиной Айгюли Ринатовны', initials: 'А. Р. Сафиной', salutation: 'Уважаемая Айгюль Ринатовна!' },
    { contact: 'Гарипова Адель Маратовна', gender: 'female', dative: 'Гариповой Адели Маратовне', genitive: 'Гариповой Адели Маратовны', initials: 'А. М. Гариповой', salutation: 'Уважаемая Адель Маратовна!' },
    { contact: 'Кузьмина Нинель Петровна', gender: 'female', dative: 'Кузьминой Нинели Петровне', genitive: 'Кузьминой Нинели Петровны', initials: 'Н. П. Кузьминой', salutation: 'Уважаемая Нинель Петровна!' },
    { contact: 'Гузь Любовь', gender: 'female', dative: 'Гузь Любови', genitive: 'Гузь Любови', initials: 'Л. Гузь', salutation: 'Уважаемая госпожа Гузь!' },
    { contact: 'Кидман Николь', gender: 'female', dative: 'Кидман Николь', genitive: 'Кидман Николь', initials: 'Н. Кидман', salutation: 'Уважаемая госпожа Кидман!' },
  ]);
});

describe('name pattern: adjectival surnames in -гий, -кий, -хий', () => {
  checkPeople([
    { contact: 'Долгий Андрей Петрович', gender: 'male', dative: 'Долгому Андрею Петровичу', genitive: 'Долгого Андрея Петровича', initials: 'А. П. Долгому', salutation: 'Уважаемый Андрей Петрович!' },
    { contact: 'Тихий Олег Ильич', gender: 'male', dative: 'Тихому Олегу Ильичу', genitive: 'Тихого Олега Ильича', initials: 'О. И. Тихому', salutation: 'Уважаемый Олег Ильич!' },
    { contact: 'Мелкий Пётр', gender: 'male', dative: 'Мелкому Петру', genitive: 'Мелкого Петра', initials: 'П. Мелкому', salutation: 'Уважаемый господин Мелкий!' },
    { contact: 'Долгая Анна Ивановна', gender: 'female', dative: 'Долгой Анне Ивановне', genitive: 'Долгой Анны Ивановны', initials: 'А. И. Долгой', salutation: 'Уважаемая Анна Ивановна!' },
  ]);
});

describe('name pattern: surnames with a stressed final -а or a vowel before it stay undeclined', () => {
  checkPeople([
    { contact: 'Зола Эмиль', gender: 'male', dative: 'Зола Эмилю', genitive: 'Зола Эмиля', initials: 'Э. Зола', salutation: 'Уважаемый господин Зола!' },
    { contact: 'Дюма Александр Александрович', gender: 'male', dative: 'Дюма Александру Александровичу', genitive: 'Дюма Александра Александровича', initials: 'А. А. Дюма', salutation: 'Уважаемый Александр Александрович!' },
    { contact: 'Гулиа Георгий Дмитриевич', gender: 'male', dative: 'Гулиа Георгию Дмитриевичу', genitive: 'Гулиа Георгия Дмитриевича', initials: 'Г. Д. Гулиа', salutation: 'Уважаемый Георгий Дмитриевич!' },
    { contact: 'Моруа Андре', gender: 'male', dative: 'Моруа Андре', genitive: 'Моруа Андре', initials: 'А. Моруа', salutation: 'Уважаемый господин Моруа!' },
  ]);
});

describe('name pattern: gender from an adjectival surname when only initials are given', () => {
  checkPeople([
    { contact: 'Горячий П. С.', gender: 'male', dative: 'Горячему П. С.', genitive: 'Горячего П. С.', initials: 'П. С. Горячему', salutation: 'Уважаемый господин Горячий!' },
    { contact: 'Осадчая М. И.', gender: 'female', dative: 'Осадчей М. И.', genitive: 'Осадчей М. И.', initials: 'М. И. Осадчей', salutation: 'Уважаемая госпожа Осадчая!' },
    { contact: 'Долгий А.П.', gender: 'male', dative: 'Долгому А. П.', genitive: 'Долгого А. П.', initials: 'А. П. Долгому', salutation: 'Уважаемый господин Долгий!' },
    { contact: 'Толстая Т. Н.', gender: 'female', dative: 'Толстой Т. Н.', genitive: 'Толстой Т. Н.', initials: 'Т. Н. Толстой', salutation: 'Уважаемая госпожа Толстая!' },
  ]);
});

describe('name pattern: the order of two-word and four-word names is detected', () => {
  it('reads a known first name before a surname as given name first', () => {
    expect(parseFullName('Илья Тихонов')).toEqual({ first: 'Илья', middle: '', last: 'Тихонов' });
    expect(parseFullName('Тихонов Илья')).toEqual({ last: 'Тихонов', first: 'Илья', middle: '' });
    expect(parseFullName('Анна Ким')).toEqual({ first: 'Анна', middle: '', last: 'Ким' });
    expect(parseFullName('Ким Анна')).toEqual({ last: 'Ким', first: 'Анна', middle: '' });
  });
  it('keeps surname first when both words are first names', () => {
    expect(parseFullName('Роман Максим')).toEqual({ last: 'Роман', first: 'Максим', middle: '' });
  });
  checkPeople([
    { contact: 'Илья Тихонов', gender: 'male', dative: 'Тихонову Илье', genitive: 'Тихонова Ильи', initials: 'И. Тихонову', salutation: 'Уважаемый господин Тихонов!' },
    { contact: 'Джейн Остин', gender: 'female', dative: 'Остин Джейн', genitive: 'Остин Джейн', initials: 'Д. Остин', salutation: 'Уважаемая госпожа Остин!' },
    { contact: 'Рашид Гейдар оглы Мамедов', gender: 'male', dative: 'Мамедову Рашиду Гейдар оглы', genitive: 'Мамедова Рашида Гейдар оглы', initials: 'Р. Г. Мамедову', salutation: 'Уважаемый Рашид Гейдар оглы!' },
    { contact: 'Айгюн Рашид кызы Алиева', gender: 'female', dative: 'Алиевой Айгюн Рашид кызы', genitive: 'Алиевой Айгюн Рашид кызы', initials: 'А. Р. Алиевой', salutation: 'Уважаемая Айгюн Рашид кызы!' },
  ]);
  it('gives the natural order of a four-word name for the thank-you sentence', () => {
    expect(fullNameNatural('Рашид Гейдар оглы Мамедов', 'male', 'dative')).toBe('Рашиду Гейдар оглы Мамедову');
  });
});

describe('name pattern: hyphenated patronymics give one initial', () => {
  checkPeople([
    { contact: 'Мамедов Рашид Гейдар-оглы', gender: 'male', dative: 'Мамедову Рашиду Гейдар-оглы', genitive: 'Мамедова Рашида Гейдар-оглы', initials: 'Р. Г. Мамедову', salutation: 'Уважаемый Рашид Гейдар-оглы!' },
    { contact: 'Алиева Айгюн Рашид-кызы', gender: 'female', dative: 'Алиевой Айгюн Рашид-кызы', genitive: 'Алиевой Айгюн Рашид-кызы', initials: 'А. Р. Алиевой', salutation: 'Уважаемая Айгюн Рашид-кызы!' },
    { contact: 'Рашид Гейдар-оглы Мамедов', gender: 'male', dative: 'Мамедову Рашиду Гейдар-оглы', genitive: 'Мамедова Рашида Гейдар-оглы', initials: 'Р. Г. Мамедову', salutation: 'Уважаемый Рашид Гейдар-оглы!' },
  ]);
});

describe('name pattern: family names in -ые and -ие', () => {
  it.each([
    ['Толстые', 'Толстых'],
    ['Долгие', 'Долгих'],
    ['Семья Вишневские', 'Вишневских'],
    ['семья Толстых', 'Толстых'],
  ])('%s → семья %s', (organisation, name) => {
    expect(familyName(organisation)).toBe(name);
  });
  it('greets and addresses the family', () => {
    const family = { contact: '', gender: null, family: true, organisation: 'Толстые' } as const;
    expect(salutation(family)).toBe('Уважаемая семья Толстых!');
    expect(addressee({ ...family, position: '', override: '' })).toBe('Семье Толстых');
  });
});

describe('name pattern: the salutation without a patronymic goes by surname (ГОСТ Р 7.0.97)', () => {
  checkPeople([
    { contact: 'Тихонов Илья', gender: 'male', dative: 'Тихонову Илье', genitive: 'Тихонова Ильи', initials: 'И. Тихонову', salutation: 'Уважаемый господин Тихонов!' },
    { contact: 'Сидоров И. П.', gender: 'male', dative: 'Сидорову И. П.', genitive: 'Сидорова И. П.', initials: 'И. П. Сидорову', salutation: 'Уважаемый господин Сидоров!' },
    { contact: 'Петрова Анна', gender: 'female', dative: 'Петровой Анне', genitive: 'Петровой Анны', initials: 'А. Петровой', salutation: 'Уважаемая госпожа Петрова!' },
    { contact: 'Ким Женя', gender: null, dative: 'Ким Жене', genitive: 'Ким Жени', initials: 'Ж. Ким', salutation: 'Здравствуйте, Женя Ким!' },
  ]);
});

describe('name pattern: the Пол and Кому (дательный падеж) columns still win', () => {
  checkPeople([
    { contact: 'Горячий П. С.', mark: 'Ж', gender: 'female', dative: 'Горячий П. С.', genitive: 'Горячий П. С.', initials: 'П. С. Горячий', salutation: 'Уважаемая госпожа Горячий!' },
    { contact: 'Смит Джейн', mark: 'М', gender: 'male', dative: 'Смиту Джейну', genitive: 'Смита Джейна', initials: 'Д. Смиту', salutation: 'Уважаемый господин Смит!' },
    { contact: 'Ким Женя', mark: 'Ж', gender: 'female', dative: 'Ким Жене', genitive: 'Ким Жени', initials: 'Ж. Ким', salutation: 'Уважаемая госпожа Ким!' },
  ]);
  it('the address override is used verbatim even for an organisation typed as the contact', () => {
    expect(block('СОШ № 5', '', 'директор', 'Директору школы № 5 Н. А. Петровой')).toBe('Директору школы № 5 Н. А. Петровой');
  });
});

// Hard cases of our own, beyond the ones the centre reported.

describe('name pattern: a sole trader’s prefix before the name', () => {
  checkPeople([
    { contact: 'ИП Сидоров Иван Петрович', gender: 'male', dative: 'Сидорову Ивану Петровичу', genitive: 'Сидорова Ивана Петровича', initials: 'И. П. Сидорову', salutation: 'Уважаемый Иван Петрович!' },
    { contact: 'Индивидуальный предприниматель Козлова Анна', gender: 'female', dative: 'Козловой Анне', genitive: 'Козловой Анны', initials: 'А. Козловой', salutation: 'Уважаемая госпожа Козлова!' },
  ]);
});

describe('name pattern: a note in brackets after the name', () => {
  checkPeople([
    { contact: 'Иванова Анна Сергеевна (завуч)', gender: 'female', dative: 'Ивановой Анне Сергеевне', genitive: 'Ивановой Анны Сергеевны', initials: 'А. С. Ивановой', salutation: 'Уважаемая Анна Сергеевна!' },
    { contact: 'Петров (директор) Олег Иванович', gender: 'male', dative: 'Петрову Олегу Ивановичу', genitive: 'Петрова Олега Ивановича', initials: 'О. И. Петрову', salutation: 'Уважаемый Олег Иванович!' },
  ]);
});

describe('name pattern: initials glued to the surname', () => {
  checkPeople([
    { contact: 'И.П.Сидоров', gender: 'male', dative: 'Сидорову И. П.', genitive: 'Сидорова И. П.', initials: 'И. П. Сидорову', salutation: 'Уважаемый господин Сидоров!' },
    { contact: 'А.С.Иванова', gender: 'female', dative: 'Ивановой А. С.', genitive: 'Ивановой А. С.', initials: 'А. С. Ивановой', salutation: 'Уважаемая госпожа Иванова!' },
  ]);
});

describe('name pattern: names in Latin letters are left as written', () => {
  checkPeople([{ contact: 'Smith John', gender: null, dative: 'Smith John', genitive: 'Smith John', initials: 'J. Smith', salutation: 'Здравствуйте, John Smith!' }]);
});

describe('name pattern: Georgian surnames in -ия decline, in -иа do not', () => {
  checkPeople([
    { contact: 'Данелия Георгий Николаевич', gender: 'male', dative: 'Данелии Георгию Николаевичу', genitive: 'Данелии Георгия Николаевича', initials: 'Г. Н. Данелии', salutation: 'Уважаемый Георгий Николаевич!' },
    { contact: 'Гамсахурдиа Звиад', gender: 'male', dative: 'Гамсахурдиа Звиаду', genitive: 'Гамсахурдиа Звиада', initials: 'З. Гамсахурдиа', salutation: 'Уважаемый господин Гамсахурдиа!' },
  ]);
});

describe('name pattern: men’s foreign names in a vowel other than -а stay undeclined', () => {
  checkPeople([
    { contact: 'Матисс Анри', gender: 'male', dative: 'Матиссу Анри', genitive: 'Матисса Анри', initials: 'А. Матиссу', salutation: 'Уважаемый господин Матисс!' },
    { contact: 'Ибрагимов Али Расулович', gender: 'male', dative: 'Ибрагимову Али Расуловичу', genitive: 'Ибрагимова Али Расуловича', initials: 'А. Р. Ибрагимову', salutation: 'Уважаемый Али Расулович!' },
  ]);
});

describe('name pattern: a family typed as the contact', () => {
  it('greets and addresses the family, whatever the organisation says', () => {
    const input = { contact: 'Семья Толстых', gender: null, family: false, organisation: 'Родители 3 «А» класса' } as const;
    expect(isNotAPerson(input.contact)).toBe(true);
    expect(salutation(input)).toBe('Уважаемая семья Толстых!');
    expect(addressee({ ...input, position: '', override: '' })).toBe('Семье Толстых');
  });
});

describe('name pattern: several people in one cell', () => {
  it.each(['Иванов И. И., Петрова А. А.', 'Иванов Иван и Петрова Анна', 'Сидоров И. П.; Сидорова А. С.'])('%s is no single person', (contact) => {
    expect(parseFullName(contact)).toBeNull();
    expect(salutation({ contact, gender: null, family: false, organisation: 'ООО «Рыбозавод»' })).toBe('Уважаемые коллеги!');
    expect(block(contact, '')).toBe(contact);
  });
  it('but a comma after the surname is one person', () => {
    expect(parseFullName('Сидоров, Иван Петрович')).toEqual({ last: 'Сидоров', first: 'Иван', middle: 'Петрович' });
  });
});

describe('name pattern: a double-barrelled woman’s surname with an undeclinable part', () => {
  checkPeople([
    { contact: 'Кузнецова-Шевчук Анна Ивановна', gender: 'female', dative: 'Кузнецовой-Шевчук Анне Ивановне', genitive: 'Кузнецовой-Шевчук Анны Ивановны', initials: 'А. И. Кузнецовой-Шевчук', salutation: 'Уважаемая Анна Ивановна!' },
  ]);
});

describe('name pattern: a surname in capitals is a person, an abbreviation is not', () => {
  checkPeople([
    { contact: 'КИМ Анна', gender: 'female', dative: 'Ким Анне', genitive: 'Ким Анны', initials: 'А. Ким', salutation: 'Уважаемая госпожа Ким!' },
    { contact: 'ЦОЙ Виктор Робертович', gender: 'male', dative: 'Цою Виктору Робертовичу', genitive: 'Цоя Виктора Робертовича', initials: 'В. Р. Цою', salutation: 'Уважаемый Виктор Робертович!' },
  ]);
  it.each(['МБОУ ДО ДЮЦ', 'ГБУЗ ЦРБ', 'ООО Рыбозавод'])('%s is an organisation', (contact) => {
    expect(isOrganisationName(contact)).toBe(true);
  });
});

describe('name pattern: surnames that begin like an organisation word are people', () => {
  checkPeople([
    { contact: 'Советов Андрей Ильич', gender: 'male', dative: 'Советову Андрею Ильичу', genitive: 'Советова Андрея Ильича', initials: 'А. И. Советову', salutation: 'Уважаемый Андрей Ильич!' },
    { contact: 'Школьникова Анна', gender: 'female', dative: 'Школьниковой Анне', genitive: 'Школьниковой Анны', initials: 'А. Школьниковой', salutation: 'Уважаемая госпожа Школьникова!' },
    { contact: 'Домбровский Ян', gender: 'male', dative: 'Домбровскому Яну', genitive: 'Домбровского Яна', initials: 'Я. Домбровскому', salutation: 'Уважаемый господин Домбровский!' },
  ]);
});
