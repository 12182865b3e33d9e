import { financialYearOf } from '#shared/domain/dates';
import type { ReferenceService } from '../reference/reference-service';
import {
  SERIES_PATTERNS,
  officeNumbering,
  numberPattern,
  type NumberSeries,
} from './number-allocator';

/** The series of registration numbers an office gives on `day` (rule parameter pattern). */
export function registrationSeries(
  reference: ReferenceService,
  officeCode: string,
  day: string,
): NumberSeries {
  return numberPattern(reference.rule('registration_no.pattern', day), {
    office: officeCode,
    fy: financialYearOf(day),
  });
}

/** Every numbered series an office gives on `day`: what a computer keeps blocks of. */
export function officeSeries(
  reference: ReferenceService,
  officeId: string,
  day: string,
): NumberSeries[] {
  const office = reference.get().offices.find((candidate) => candidate.id === officeId);
  if (!office) return [];
  const fy = financialYearOf(day);
  return [
    registrationSeries(reference, office.code, day),
    ...Object.keys(SERIES_PATTERNS).map((kind) =>
      officeNumbering(kind as keyof typeof SERIES_PATTERNS, office.code, fy),
    ),
  ];
}
