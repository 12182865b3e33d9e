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
  const { t } = useTranslation();
  useDocumentTitle(`${t('returns.title')} · ${t('app.name')}`);
  return <ReturnsRegisterScreen />;
}

export function ReturnRoute() {
  const { t } = useTranslation();
  const { societyId = '', fy = '' } = useParams();
  useDocumentTitle(`${t('counter.title', { fy })} · ${t('app.name')}`);
  return <ReturnScreen key={`${societyId}/${fy}`} societyId={societyId} fy={fy} />;
}

export function ReturnAcknowledgementRoute() {
  const { t } = useTranslation();
  const { societyId = '', fy = '' } = useParams();
  useDocumentTitle(`${t('returnAck.title')} · ${t('app.name')}`);
  return <ReturnAcknowledgement key={`${societyId}/${fy}`} societyId={societyId} fy={fy} />;
}

export function CandidatesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('candidates.title')} · ${t('app.name')}`);
  return <CandidatesScreen />;
}
