/**
 * The ВЫВОД paragraph of the annual report, composed from the numbers in the spirit of the seed:
 * «Социальные партнеры активно включены в воспитательный процесс, что позволило повысить его
 * качество и качество ресурсообеспечения: кадрового, финансового, …». It only claims growth that
 * the numbers show, and says plainly when the year has little or no data.
 */
import { conclusionMsg } from '../../messages/report';
import { formatMoney } from '../russian';
import { RESOURCES, type Category, type Resource } from '../data/schema';

/** Below this many active partners the year reads as "episodic" rather than "actively involved". */
export const EPISODIC_BELOW = 3;

export interface ResourceFigures {
  resource: Resource;
  contributions: number;
  amount: number;
}

/** What the conclusion needs; `ReportStats` satisfies it. */
export interface ConclusionInput {
  year: { label: string };
  previousYear: { label: string };
  activePartners: number;
  newPartners: number;
  jointEvents: number;
  reach: number;
  contributions: number;
  totalAmount: number;
  resources: readonly ResourceFigures[];
  /** The previous academic year, or null when it has no data to compare with. */
  previous: { resources: readonly ResourceFigures[] } | null;
  /** Categories with active partners this year and none in the previous year. */
  newCategories: readonly Category[];
}

function figuresOf(list: readonly ResourceFigures[], resource: Resource): ResourceFigures {
  return list.find((r) => r.resource === resource) ?? { resource, contributions: 0, amount: 0 };
}

/** Kinds present this year, in the order of `RESOURCES`. */
export function presentKinds(input: Pick<ConclusionInput, 'resources'>): Resource[] {
  return RESOURCES.filter((k) => figuresOf(input.resources, k).contributions > 0);
}

/** Kinds that grew versus the previous year by number of contributions or by amount. */
export function grownKinds(input: Pick<ConclusionInput, 'resources' | 'previous'>): Resource[] {
  const previous = input.previous;
  if (!previous) return [];
  return RESOURCES.filter((k) => {
    const now = figuresOf(input.resources, k);
    const before = figuresOf(previous.resources, k);
    return now.contributions > before.contributions || now.amount > before.amount;
  });
}

export function composeConclusion(stats: ConclusionInput): string {
  const label = stats.year.label;
  if (stats.contributions === 0 && stats.jointEvents === 0) return conclusionMsg.nothing(label);
  if (stats.contributions === 0) return conclusionMsg.eventsWithoutContributions(label, stats.jointEvents, stats.reach);

  const sentences: string[] = [];
  const present = presentKinds(stats);
  const episodic = stats.activePartners < EPISODIC_BELOW;
  if (episodic) {
    sentences.push(conclusionMsg.episodic);
  } else if (!stats.previous) {
    sentences.push(conclusionMsg.active(present));
  } else {
    const grown = grownKinds(stats);
    sentences.push(grown.length > 0 ? conclusionMsg.activeGrown(grown, stats.previousYear.label) : conclusionMsg.noGrowth(stats.previousYear.label));
  }
  sentences.push(conclusionMsg.figures(label, stats.activePartners, stats.jointEvents, stats.reach));
  if (episodic && present.length > 0) sentences.push(conclusionMsg.episodicKinds(present));
  if (stats.totalAmount > 0) sentences.push(conclusionMsg.amount(formatMoney(stats.totalAmount)));
  if (stats.previous && stats.newPartners > 0) sentences.push(conclusionMsg.newPartners(stats.newPartners, [...stats.newCategories]));
  return sentences.join(' ');
}
