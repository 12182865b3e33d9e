import { describeAccess, EVERYONE, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('returns', {
  'returns.register': READERS,
  'returns.counts': READERS,
  'returns.get': READERS,
  'returns.ofSociety': READERS,
  'returns.openCounter': ['clerk', 'registrar'],
  'returns.counterForm': ['counter_secretary'],
  'returns.file': ['counter_secretary'],
  'returns.closeCounter': EVERYONE,
  'returns.review': ['clerk', 'registrar'],
  'returns.defaulterNotices': ['clerk', 'registrar'],
  'returns.export': READERS,
  'returns.nonFunctionalCandidates': READERS,
});
