import { describeAccess, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('certificates', {
  'certificates.keys': READERS,
  'certificates.list': READERS,
  'certificates.verify': READERS,
  'certificates.print': ['clerk', 'registrar'],
  'certificates.issueDuplicate': ['registrar'],
});
