import { describeAccess, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('registration', {
  'applications.receive': ['clerk', 'registrar'],
  'applications.get': READERS,
  'applications.list': READERS,
  'applications.startScrutiny': ['clerk', 'registrar'],
  'applications.recordScrutiny': ['clerk', 'registrar'],
  'applications.issueDeficiency': ['clerk', 'registrar'],
  'applications.recordReply': ['clerk', 'registrar'],
  'applications.decide': ['registrar'],
  'applications.recordDeemed': ['registrar'],
  'applications.withdraw': ['clerk', 'registrar'],
  'names.reserve': ['clerk', 'registrar'],
  'names.list': READERS,
});
