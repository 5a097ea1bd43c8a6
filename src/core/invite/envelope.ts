/**
 * The envelope: its formats (DL, C5, landscape), the postal index read from an address, and the
 * default envelope template setup offers (the sender top left, the recipient bottom right).
 */
import type { DocModel, PageSetup } from '../../ports';
import { envelopeTemplateMsg } from '../../messages/post';

export type EnvelopeFormat = 'DL' | 'C5';

/** Landscape sizes in millimetres (ISO 269: DL 110 × 220, C5 162 × 229). */
export const ENVELOPE_SIZES: Record<EnvelopeFormat, { widthMm: number; heightMm: number }> = {
  DL: { widthMm: 220, heightMm: 110 },
  C5: { widthMm: 229, heightMm: 162 },
};

/** The setting's format: C5 when it says so (Latin or Cyrillic «С»), DL otherwise. */
export function envelopeFormat(setting: string): EnvelopeFormat {
  return /^[cс]\s*5$/iu.test(setting.trim()) ? 'C5' : 'DL';
}

const INDEX = /(?<!\d)\d{6}(?!\d)/u;

/** The 6-digit postal index in an address («692501, пос. Рыбачий, …» → «692501»), or ''. */
export function postalIndex(address: string): string {
  return INDEX.exec(address)?.[0] ?? '';
}

/** The address without its index and the comma that went with it. */
export function withoutIndex(address: string): string {
  const index = postalIndex(address);
  if (!index) return address.trim();
  return address
    .replace(index, '')
    .replace(/^[\s,]+|[\s,]+$/gu, '')
    .replace(/\s*,\s*,\s*/gu, ', ')
    .replace(/\s{2,}/gu, ' ')
    .trim();
}

/**
 * The default envelope: the sender's block in the upper left quarter, the recipient's in the lower
 * right half (as the post's envelope layout has them), 11 pt. Spacer lines push the recipient down
 * while the whole envelope stays one page.
 */
export function envelopeTemplate(format: EnvelopeFormat): DocModel {
  const size = ENVELOPE_SIZES[format];
  const page: PageSetup = { ...size, margins: { top: 10, right: 12, bottom: 10, left: 12 }, fontPt: 11 };
  const spacers = format === 'DL' ? 3 : 8;
  return {
    title: envelopeTemplateMsg.title,
    page,
    blocks: [
      { kind: 'table', header: [], rows: [[envelopeTemplateMsg.from, '']], widths: [55, 45], align: ['left', 'left'] },
      ...Array.from({ length: spacers }, () => ({ kind: 'paragraph' as const, text: '' })),
      { kind: 'table', header: [], rows: [['', envelopeTemplateMsg.to]], widths: [42, 58], align: ['left', 'left'] },
    ],
  };
}

