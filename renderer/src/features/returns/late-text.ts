import type { TFunction } from 'i18next';
import { rupeeText } from '../../lib/format';

/** "61 days, late fee ₹300.00", or "On time": how late a filed return was. */
export function lateText(
  t: TFunction<'returns'>,
  filed: { daysLate: number; lateFeePaise: number },
): string {
  return filed.daysLate > 0
    ? t('returnPage.lateValue', { count: filed.daysLate, fee: rupeeText(filed.lateFeePaise) })
    : t('returnPage.onTime');
}
