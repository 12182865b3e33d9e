import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../../lib/backend';

/** The cache keys of this domain's requests: invalidating a prefix refreshes all below it. */
export const referenceKeys = {
  data: () => ['reference', 'data'] as const,
  ruleParameters: () => ['reference', 'rule-parameters'] as const,
  letterhead: () => ['reference', 'letterhead'] as const,
};

/** Districts, villages, offices, sectors and types. Changes only through the administrator. */
export function useReferenceData() {
  const backend = useBackend();
  return useQuery({
    queryKey: referenceKeys.data(),
    queryFn: () => backend.call('reference.get', {}),
    staleTime: Infinity,
  });
}

export function useRuleParameters() {
  const backend = useBackend();
  return useQuery({
    queryKey: referenceKeys.ruleParameters(),
    queryFn: () => backend.call('reference.ruleParameters', {}),
    staleTime: Infinity,
  });
}

/** The state emblem and department logo printed on certificates and letters, if set. */
export function useLetterhead() {
  const backend = useBackend();
  return useQuery({
    queryKey: referenceKeys.letterhead(),
    queryFn: () => backend.call('reference.letterhead', {}),
  });
}
