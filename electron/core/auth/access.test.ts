import { describeAccess, EVERYONE } from '../../../tests/fixtures/access-matrix';

describeAccess('auth', {
  'auth.status': EVERYONE,
  'auth.setup': EVERYONE,
  'auth.login': EVERYONE,
  'auth.logout': EVERYONE,
  'auth.lock': EVERYONE,
  'auth.unlock': EVERYONE,
  'auth.touch': EVERYONE,
  'auth.changePassword': EVERYONE,
  'settings.update': ['administrator'],
  'users.list': ['administrator'],
  'users.create': ['administrator'],
  'users.update': ['administrator'],
  'users.setActive': ['administrator'],
  'users.resetPassword': ['administrator'],
});
