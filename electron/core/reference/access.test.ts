import { describeAccess, EVERYONE, READERS } from '../../../tests/fixtures/access-matrix';
import { roles } from '#shared/auth/roles';

describeAccess('reference', {
  'reference.get': EVERYONE,
  'reference.ruleParameters': READERS,
  // The counter secretary prints a return's acknowledgement, which carries them.
  'reference.letterhead': [...roles],
  'reference.setLetterheadImage': ['administrator'],
  'reference.removeLetterheadImage': ['administrator'],
});
