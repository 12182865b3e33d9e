import { describeAccess, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('documents', {
  'documents.add': ['clerk', 'registrar', 'auditor'],
  'documents.list': READERS,
  'documents.open': READERS,
});
