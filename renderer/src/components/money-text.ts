import { formatRupees, parseRupees } from '#shared/domain/money';

/** Form text → paise: `null` for an empty field, `undefined` when the text is not an amount. */
export function rupeeTextToPaise(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseRupees(text);
}

/** Paise → the text a MoneyInput shows. */
export function paiseToRupeeText(paise: number | null): string {
  return paise == null ? '' : formatRupees(paise);
}
