import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  CandidatesScreen,
  ReturnAcknowledgement,
  ReturnScreen,
  ReturnsRegisterScreen,
} from '../features/returns';

export function ReturnsRoute() {
  const { t } = useTranslation(['app', 'returns']);
  useDocumentTitle(`${t('returns:returns.title')} · ${t('app.name')}`);
  return <ReturnsRegisterScreen />;
}

export function ReturnRoute() {
  const { t } = useTranslation(['app', 'returns']);
  const { societyId = '', fy = '' } = useParams();
  useDocumentTitle(`${t('returns:counter.title', { fy })} · ${t('app.name')}`);
  return <ReturnScreen key={`${societyId}/${fy}`} societyId={societyId} fy={fy} />;
}

export function ReturnAcknowledgementRoute() {
  const { t } = useTranslation(['app', 'returns']);
  const { societyId = '', fy = '' } = useParams();
  useDocumentTitle(`${t('returns:returnAck.title')} · ${t('app.name')}`);
  return <ReturnAcknowledgement key={`${societyId}/${fy}`} societyId={societyId} fy={fy} />;
}

export function CandidatesRoute() {
  const { t } = useTranslation(['app', 'returns']);
  useDocumentTitle(`${t('returns:candidates.title')} · ${t('app.name')}`);
  return <CandidatesScreen />;
}
