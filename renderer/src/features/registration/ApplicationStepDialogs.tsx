import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApplicationDetail } from '#shared/registration/contract';
import { paths } from '../../lib/paths';
import type { ApplicationAction } from './actions';
import type { IssuedLetterState } from './DeficiencyLetter';
import {
  DecideApplicationModal,
  DeemedModal,
  DeficiencyModal,
  ReplyModal,
  WithdrawModal,
} from './StepModals';

/** The dialog of the step being taken, if any, and the message each step leaves when done. */
export function ApplicationStepDialogs({
  open,
  application: data,
  officeName,
  onClose,
  onDone,
}: {
  open: ApplicationAction | null;
  application: ApplicationDetail;
  officeName: string;
  onClose: () => void;
  onDone: (saved: ApplicationDetail, message: string | null) => void;
}) {
  const { t } = useTranslation(['registration', 'certificates']);
  const navigate = useNavigate();
  return (
    <>
      {open === 'issueDeficiency' ? (
        <DeficiencyModal
          application={data}
          onClose={onClose}
          onDone={(saved) => {
            onDone(saved, t('application.stepDone.issueDeficiency'));
            // The letter is printed at once, as the acknowledgement slip is.
            const letter = saved.deficiencyLetters.at(-1);
            if (letter) {
              const state: IssuedLetterState = { issued: true };
              void navigate(paths.deficiencyLetter(saved.id, letter.id), { state });
            }
          }}
        />
      ) : null}
      {open === 'recordReply' ? (
        <ReplyModal
          application={data}
          onClose={onClose}
          onDone={(saved) => onDone(saved, t('application.stepDone.recordReply'))}
        />
      ) : null}
      {open === 'recordDeemed' ? (
        <DeemedModal application={data} onClose={onClose} onDone={(saved) => onDone(saved, null)} />
      ) : null}
      {open === 'withdraw' ? (
        <WithdrawModal
          application={data}
          onClose={onClose}
          onDone={(saved) => onDone(saved, t('application.stepDone.withdraw'))}
        />
      ) : null}
      {open === 'approve' || open === 'refuse' ? (
        <DecideApplicationModal
          application={data}
          decision={open}
          officeName={officeName}
          onClose={onClose}
          onDone={(saved) =>
            onDone(saved, saved.state === 'refused' ? t('application.stepDone.refuse') : null)
          }
        />
      ) : null}
    </>
  );
}
