import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuditScreen, AuditsScreen, FeeReceipt } from '../features/audits';

export function AuditsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('audits.title')} · ${t('app.name')}`);
  return <AuditsScreen />;
}

export function AuditRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(`${t('audits.page.title')} · ${t('app.name')}`);
  return <AuditScreen key={id} id={id} />;
}

export function FeeReceiptRoute() {
  const { t } = useTranslation();
  const { id = '', receiptNo = '' } = useParams();
  useDocumentTitle(`${t('audits.fee.receiptTitle')} · ${t('app.name')}`);
  return <FeeReceipt key={`${id}/${receiptNo}`} auditId={id} receiptNo={receiptNo} />;
}
