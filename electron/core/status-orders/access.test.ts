import { describeAccess, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('statusOrders', {
  'statusOrders.propose': ['clerk', 'registrar'],
  'statusOrders.decide': ['registrar'],
  'statusOrders.list': READERS,
});
