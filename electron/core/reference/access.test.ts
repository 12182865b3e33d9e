import { describeAccess, EVERYONE, READERS } from '../../../tests/fixtures/access-matrix';

describeAccess('reference', {
  'reference.get': EVERYONE,
  'reference.ruleParameters': READERS,
});
