import { describeAccess } from '../../../tests/fixtures/access-matrix';

describeAccess('changes', {
  'changes.list': ['administrator'],
  'changes.verify': ['administrator'],
});
