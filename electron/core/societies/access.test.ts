import { describeAccess, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('societies', {
  'societies.search': READERS,
  'societies.list': READERS,
  'societies.get': READERS,
  'societies.create': ['clerk', 'registrar'],
  'societies.update': ['clerk', 'registrar'],
  'societies.history': READERS,
});
