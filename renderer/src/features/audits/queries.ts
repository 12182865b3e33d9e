import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditFilter } from '#shared/audits/contract';
import { useBackend } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const auditKeys = {
  all: () => ['audits'] as const,
  register: (filter: AuditFilter, offset: number) =>
    ['audits', 'register', filter, offset] as const,
  counts: (filter: Omit<AuditFilter, 'status'>) => ['audits', 'counts', filter] as const,
  mine: () => ['audits', 'mine'] as const,
  one: (id: string) => ['audits', 'one', id] as const,
  auditors: () => ['audits', 'auditors'] as const,
  overdueDefects: (officeId: string | undefined) =>
    ['audits', 'overdue-defects', officeId ?? 'all'] as const,
  grades: (fy: string, officeId: string | undefined) =>
    ['audits', 'grades', fy, officeId ?? 'all'] as const,
  rubrics: () => ['audits', 'rubrics'] as const,
  ofSociety: (societyId: string) => ['audits', 'society', societyId] as const,
};

/** Rows per page of the audit register. */
export const AUDITS_PAGE_SIZE = 50;

/** One page of the audit register of a year. */
export function useAuditRegister(filter: AuditFilter, offset: number) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.register(filter, offset),
    queryFn: () => backend.call('audits.register', { ...filter, offset, limit: AUDITS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditCounts(filter: Omit<AuditFilter, 'status'>) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.counts(filter),
    queryFn: () => backend.call('audits.counts', filter),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in auditor's own audits. */
export function useMyAudits(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.mine(),
    queryFn: () => backend.call('audits.mine', {}),
    enabled,
  });
}

export function useAudit(id: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.one(id),
    queryFn: () => backend.call('audits.get', { id }),
  });
}

/** Auditors who can be given audits. */
export function useAuditors(enabled = true) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.auditors(),
    queryFn: () => backend.call('audits.auditors', {}),
    enabled,
  });
}

/** Defects not rectified after their due date, for one office or all. */
export function useOverdueDefects(officeId: string | undefined) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.overdueDefects(officeId),
    queryFn: () => backend.call('audits.overdueDefects', officeId ? { officeId } : {}),
  });
}

export function useAuditGrades(fy: string, officeId: string | undefined) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.grades(fy, officeId),
    queryFn: () => backend.call('audits.grades', officeId ? { fy, officeId } : { fy }),
  });
}

/** A society's audits, newest year first. */
export function useSocietyAudits(societyId: string) {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.ofSociety(societyId),
    queryFn: () => backend.call('audits.ofSociety', { societyId }),
  });
}

export function useAuditRubrics() {
  const backend = useBackend();
  return useQuery({
    queryKey: auditKeys.rubrics(),
    queryFn: () => backend.call('audits.rubrics', {}),
  });
}
