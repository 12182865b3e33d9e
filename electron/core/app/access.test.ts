import { describeAccess, EVERYONE } from '../../../tests/fixtures/access-matrix';

describeAccess('app', {
  'app.info': EVERYONE,
});
