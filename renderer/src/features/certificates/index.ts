export { CertificateRegisterScreen } from './CertificateRegisterScreen';
export { CertificatesSection } from './CertificatesSection';
export { CertificateStatus } from './CertificateStatus';
export { PrintCertificateButton } from './PrintCertificateButton';
export { VerifyScreen } from './VerifyScreen';
export {
  certificateKeys,
  refreshCertificates,
  useCertificates,
  usePrintCertificate,
} from './queries';
