import { describeAccess, EVERYONE, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('sync', {
  'sync.status': EVERYONE,
  'sync.now': READERS,
  'sync.enrol': ['administrator'],
  'sync.issues': ['clerk', 'registrar', 'administrator', 'auditor', 'inspector'],
  'sync.resolve': ['registrar'],
  'sync.exportPending': ['clerk', 'registrar', 'administrator'],
});
