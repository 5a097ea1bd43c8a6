/**
 * Thank-you letters (благодарственные письма) for an event or an academic year: one letter per
 * partner with contributions in that period, sponsors first, listing what they did; the
 * contributions get their `Благодарность` date once the letter exists; optionally emailed through
 * the shared delivery loop. And «Кому ещё не сказали спасибо».
 */
export { contributionText } from './contributions';
export { owedThanks, type OwedThanks } from './owed';
export { resolvePeriod, type ThanksPeriod, type ThanksRequest } from './period';
export { planThanks, prepareThanks, type ThanksPlan } from './plan';
export { emptyThanksPreview, previewThanks, type ThanksPreview } from './preview';
export { thanksRequestFrom } from './request';
export { runThanks } from './run';
