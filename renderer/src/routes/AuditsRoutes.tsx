import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuditScreen, AuditsScreen, FeeReceipt } from '../features/audits';

export function AuditsRoute() {
  const { t } = useTranslation(['app', 'audits']);
  useDocumentTitle(`${t('audits:audits.title')} · ${t('app.name')}`);
  return <AuditsScreen />;
}

export function AuditRoute() {
  const { t } = useTranslation(['app', 'audits']);
  const { id = '' } = useParams();
  useDocumentTitle(`${t('audits:audits.page.title')} · ${t('app.name')}`);
  return <AuditScreen key={id} id={id} />;
}

export function FeeReceiptRoute() {
  const { t } = useTranslation(['app', 'audits']);
  const { id = '', receiptNo = '' } = useParams();
  useDocumentTitle(`${t('audits:audits.fee.receiptTitle')} · ${t('app.name')}`);
  return <FeeReceipt key={`${id}/${receiptNo}`} auditId={id} receiptNo={receiptNo} />;
}
