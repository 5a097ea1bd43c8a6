import { closingText } from '../../../src/core/thanks/closing';
import type { Contribution, EventRecord, Partner } from '../../../src/core/data/records';
import type { Resource } from '../../../src/core/data/schema';

const partner = (p: Partial<Partner>): Partner => ({
  row: 2, id: 'П-001', organisation: '', category: 'Предприятия и предприниматели', contact: '', gender: null, position: '', dativeOverride: '',
  emails: [], badEmails: [], phone: '', address: '', sponsor: false, invite: true, note: '', ...p,
});
const event = (id: string, title: string, audience = ''): EventRecord => ({
  row: 2, id, title, date: { year: 2025, month: 11, day: 28 }, time: '', place: '', form: 'праздник', audience, description: '',
  inviteCategories: null, status: 'проведено', reach: null, responsible: '',
});
const item = (e: EventRecord, resource: Resource) => ({
  event: e,
  contribution: { row: 2, eventId: e.id, partnerId: 'П-001', role: null, resource, what: '', amount: null, thanked: null } as Contribution,
});

describe('closingText: sentences that fit what the partner did', () => {
  const mothers = event('М-006', 'День матери', 'мамы и бабушки');
  const veterans = event('М-010', 'Вахта памяти', 'ветераны и труженики тыла');

  it('a family thanked for a dance number: participation, a wish to the family, nothing about money or veterans', () => {
    const text = closingText(partner({ organisation: 'Семья Кузнецовых', category: 'Семья' }), [item(mothers, 'кадровый')]);
    expect(text).toBe(
      'Ваше участие сделало программу мероприятия «День матери» ярче и интереснее. Желаем Вашей семье здоровья, счастья и благополучия! Будем рады видеть Вас на наших мероприятиях.',
    );
    expect(text).not.toMatch(/ветеран|финансов|сотрудничеств/);
  });

  it('a company person who gave money for a veterans’ event: money first, veterans, a wish to them and their collective', () => {
    const text = closingText(partner({ organisation: 'АО «Приморский рыбозавод»', contact: 'Сидоров Иван Петрович' }), [item(veterans, 'финансовый')]);
    expect(text).toContain('Ваша финансовая помощь позволила сделать мероприятие «Вахта памяти» ярче');
    expect(text).toContain('ветеранах');
    expect(text).toContain('Желаем Вам и Вашему коллективу');
  });

  it('several events and kinds: at most two kind sentences, the weightiest first, naming «наши мероприятия»', () => {
    const text = closingText(partner({ organisation: 'Совет ветеранов' }), [item(mothers, 'информационный'), item(veterans, 'временной'), item(mothers, 'материально-технический')]);
    const sentences = text.split(/(?<=[.!])\s+/);
    expect(sentences[0]).toBe('Ваша материальная помощь позволила подготовить наши мероприятия на высоком уровне.');
    expect(sentences[1]).toContain('о наших мероприятиях узнало больше людей');
    expect(text).not.toContain('подарили детям');
    expect(text).toContain('Желаем Вашему коллективу');
  });
});
