import { centreValues, eventValues, inviteHeading, partnerValues } from '../../../src/core/letters/fields';
import { SETTING_DEFAULTS } from '../../../src/core/data/schema';
import type { EventRecord, Partner } from '../../../src/core/data/records';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const partner = (p: Partial<Partner>): Partner => ({
  row: 2, id: 'П-001', organisation: '', category: 'Предприятия и предприниматели', contact: '', gender: null, position: '', dativeOverride: '',
  emails: [], badEmails: [], phone: '', address: '', sponsor: false, invite: true, note: '', ...p,
});
const event = (form: string, title = 'День матери'): EventRecord => ({
  row: 2, id: 'М-001', title, date: { year: 2026, month: 11, day: 28 }, time: '15:00', place: '', form, audience: '', description: '',
  inviteCategories: null, status: 'запланировано', reach: null, responsible: '',
});

describe('letter requisites', () => {
  it('the heading to the text names the form in the accusative and the event', () => {
    expect(inviteHeading(event('праздник'))).toBe('О приглашении на праздник «День матери»');
    expect(inviteHeading(event('Торжественная линейка', 'Первый звонок'))).toBe('О приглашении на торжественную линейку «Первый звонок»');
    expect(inviteHeading(event(''))).toBe('О приглашении на мероприятие «День матери»');
    expect(plain(eventValues(event('концерт')).Заголовок)).toBe('О приглашении на концерт «День матери»');
  });

  it('the letterhead contacts list what is filled; the centre email falls back on the reply-to address', () => {
    const base = { ...SETTING_DEFAULTS, address: 'ул. Молодёжная, д. 7', phone: '8 (900) 000-00-01', replyTo: 'rovesnik@example.org' };
    const today = { year: 2026, month: 11, day: 27, hour: 9, minute: 0, second: 0 };
    expect(plain(centreValues(base, today).Контакты_учреждения)).toBe('ул. Молодёжная, д. 7, тел. 8 (900) 000‑00‑01, e‑mail: rovesnik@example.org');
    const full = centreValues({ ...base, centreEmail: 'info@rovesnik.example', centreSite: 'rovesnik.example' }, today);
    expect(plain(full.Контакты_учреждения)).toMatch(/e‑mail: info@rovesnik\.example, сайт: rovesnik\.example$/);
    expect(full.Почта_учреждения).toBe('info@rovesnik.example');
  });

  it('the addressee names the organisation even without a position; the thanks name the person with the collective', () => {
    const sidorov = partner({ organisation: 'АО «Приморский рыбозавод»', contact: 'Сидоров Иван Петрович' });
    expect(plain(partnerValues(sidorov).Адресат)).toBe('АО «Приморский рыбозавод»\nИ. П. Сидорову');
    expect(plain(partnerValues({ ...sidorov, position: 'генеральный директор' }).Адресат)).toBe('Генеральному директору АО «Приморский рыбозавод»\nИ. П. Сидорову');
    expect(plain(partnerValues(sidorov).Кому_благодарность)).toBe('Ивану Петровичу Сидорову и коллективу АО «Приморский рыбозавод»');
    // A sole trader is one person: no collective.
    const orlova = partner({ organisation: 'ИП Орлова Т. В.', contact: 'Орлова Татьяна Владимировна' });
    expect(plain(partnerValues(orlova).Кому_благодарность)).toBe('Татьяне Владимировне Орловой');
    // A family stays a family.
    expect(plain(partnerValues(partner({ organisation: 'Семья Кузнецовых', category: 'Семья' })).Адресат)).toBe('Семье Кузнецовых');
  });
});
