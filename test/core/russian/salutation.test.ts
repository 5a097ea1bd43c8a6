import { NBSP, addressee, positionDative, salutation, type AddresseeInput } from '../../../src/core/russian';

const nb = (s: string): string => s.replace(/_/g, NBSP);

describe('positionDative', () => {
  it.each([
    ['директор', 'Директору'],
    ['глава поселения', 'Главе поселения'],
    ['заведующая библиотекой', 'Заведующей библиотекой'],
    ['заведующий хозяйством', 'Заведующему хозяйством'],
    ['главный врач', 'Главному врачу'],
    ['главный агроном', 'Главному агроному'],
    ['председатель совета ветеранов', 'Председателю совета ветеранов'],
    ['начальник отдела образования', 'Начальнику отдела образования'],
    ['индивидуальный предприниматель', 'Индивидуальному предпринимателю'],
    ['заместитель директора', 'Заместителю директора'],
    ['генеральный директор', 'Генеральному директору'],
    ['старшая медицинская сестра', 'Старшей медицинской сестре'],
    ['старший воспитатель', 'Старшему воспитателю'],
    ['ведущий специалист', 'Ведущему специалисту'],
    ['социальный педагог', 'Социальному педагогу'],
    ['уполномоченный по правам ребёнка', 'Уполномоченному по правам ребёнка'],
    ['временно исполняющий обязанности главы', 'Временно исполняющему обязанности главы'],
    ['управляющий делами', 'Управляющему делами'],
    ['секретарь', 'Секретарю'],
    ['казначей', 'Казначею'],
    ['судья', 'Судье'],
    ['продавец', 'Продавцу'],
    ['атаман хуторского казачьего общества', 'Атаману хуторского казачьего общества'],
    ['настоятель храма Покрова Пресвятой Богородицы', 'Настоятелю храма Покрова Пресвятой Богородицы'],
    ['директор МБОУ «СОШ № 1»', 'Директору МБОУ «СОШ № 1»'],
    ['Директор', 'Директору'],
    ['ДИРЕКТОР', 'ДИРЕКТОРУ'],
    ['  глава   администрации ', 'Главе администрации'],
    ['и. о. директора', 'И. о. директора'],
    ['директору', 'Директору'],
    ['', ''],
  ])('%s → %s', (position, expected) => {
    expect(positionDative(position)).toBe(expected);
  });
});

describe('salutation', () => {
  const base = { gender: null, family: false, organisation: 'ООО «Рыбозавод»' } as const;

  it('greets a man and a woman by name and patronymic', () => {
    expect(salutation({ ...base, contact: 'Сидоров Иван Петрович' })).toBe('Уважаемый Иван Петрович!');
    expect(salutation({ ...base, contact: 'Иванова Анна Сергеевна' })).toBe('Уважаемая Анна Сергеевна!');
  });
  it('uses господин/госпожа with the surname when the patronymic is missing (ГОСТ Р 7.0.97)', () => {
    expect(salutation({ ...base, contact: 'Сидоров Иван' })).toBe('Уважаемый господин Сидоров!');
    expect(salutation({ ...base, contact: 'Тихонов Илья' })).toBe('Уважаемый господин Тихонов!');
    expect(salutation({ ...base, contact: 'Петрова Анна' })).toBe('Уважаемая госпожа Петрова!');
  });
  it('uses господин/госпожа with a surname alone', () => {
    expect(salutation({ ...base, contact: 'Сидоров' })).toBe('Уважаемый господин Сидоров!');
    expect(salutation({ ...base, contact: 'Сидорова' })).toBe('Уважаемая госпожа Сидорова!');
  });
  it('lets the Пол column decide', () => {
    expect(salutation({ ...base, contact: 'Ким Женя', gender: 'Ж' })).toBe('Уважаемая госпожа Ким!');
    expect(salutation({ ...base, contact: 'Ким Женя', gender: 'М' })).toBe('Уважаемый господин Ким!');
    expect(salutation({ ...base, contact: 'Сидоров Иван Петрович', gender: 'Ж' })).toBe('Уважаемая Иван Петрович!');
  });
  it('is gender-neutral when the gender is unknown', () => {
    expect(salutation({ ...base, contact: 'Ким Женя' })).toBe('Здравствуйте, Женя Ким!');
  });
  it('addresses colleagues when there is no contact person', () => {
    expect(salutation({ ...base, contact: '' })).toBe('Уважаемые коллеги!');
    expect(salutation({ ...base, contact: 'Ким' })).toBe('Уважаемые коллеги!');
  });
  it('addresses a family, by its contact person when there is one', () => {
    expect(salutation({ contact: '', gender: null, family: true, organisation: 'Семья Ивановых' })).toBe('Уважаемая семья Ивановых!');
    expect(salutation({ contact: '', gender: null, family: true, organisation: 'Родители учащихся 3 «А» класса' })).toBe('Уважаемые родители!');
    expect(salutation({ contact: 'Иванова Анна Сергеевна', gender: null, family: true, organisation: 'Семья Ивановых' })).toBe('Уважаемая Анна Сергеевна!');
  });
});

describe('addressee', () => {
  const base: AddresseeInput = {
    contact: 'Сидоров Иван Петрович',
    gender: null,
    position: 'директор',
    organisation: 'ООО «Рыбозавод»',
    family: false,
    override: '',
  };

  it('builds position, organisation and initials with the dative surname', () => {
    expect(addressee(base)).toBe(nb('Директору ООО «Рыбозавод» И._П._Сидорову'));
  });
  it('turns straight quotes of the organisation into ёлочки and never declines it', () => {
    expect(addressee({ ...base, organisation: 'МБУК "Дом культуры "Юность""', position: 'заведующая', contact: 'Осадчая Мария Ивановна' })).toBe(
      nb('Заведующей МБУК «Дом культуры „Юность“» М._И._Осадчей'),
    );
  });
  it('leaves out the position and organisation when there is no position', () => {
    expect(addressee({ ...base, position: '' })).toBe(nb('И._П._Сидорову'));
  });
  it('does not repeat the organisation the position already names', () => {
    expect(addressee({ ...base, position: 'директор ООО «Рыбозавод»' })).toBe(nb('Директору ООО «Рыбозавод» И._П._Сидорову'));
  });
  it('does not repeat a sole trader', () => {
    expect(addressee({ ...base, position: 'индивидуальный предприниматель', organisation: 'ИП Сидоров И. П.' })).toBe(
      nb('Индивидуальному предпринимателю И._П._Сидорову'),
    );
  });
  it('addresses the position in an organisation when there is no contact', () => {
    expect(addressee({ ...base, contact: '' })).toBe('Директору ООО «Рыбозавод»');
  });
  it('names the organisation in the nominative when there is neither contact nor position', () => {
    expect(addressee({ ...base, contact: '', position: '' })).toBe('ООО «Рыбозавод»');
  });
  it('addresses a family', () => {
    expect(addressee({ ...base, contact: '', position: '', organisation: 'Семья Ивановых', family: true })).toBe('Семье Ивановых');
    expect(addressee({ ...base, contact: 'Иванова Анна Сергеевна', position: '', organisation: 'Семья Ивановых', family: true })).toBe(
      nb('А._С._Ивановой'),
    );
  });
  it('uses the gender override for the surname', () => {
    expect(addressee({ ...base, contact: 'Шевчук Саша', gender: 'Ж', position: '' })).toBe(nb('С._Шевчук'));
    expect(addressee({ ...base, contact: 'Шевчук Саша', gender: 'М', position: '' })).toBe(nb('С._Шевчуку'));
  });
  it('lets the override column win verbatim', () => {
    expect(addressee({ ...base, override: ' Генеральному директору ООО "Рыбозавод" господину И. П. Сидорову ' })).toBe(
      'Генеральному директору ООО "Рыбозавод" господину И. П. Сидорову',
    );
  });
});
