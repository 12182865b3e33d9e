export { CertificateRegisterScreen } from './CertificateRegisterScreen';
export { CertificatesSection } from './CertificatesSection';
export { PrintCertificateButton } from './PrintCertificateButton';
export { VerifyScreen } from './VerifyScreen';
