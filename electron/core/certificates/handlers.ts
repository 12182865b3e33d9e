import { indiaDate } from '#shared/domain/dates';
import type { certificateRequests, Verification } from '#shared/certificates/contract';
import type { HandlersOf } from '#shared/ipc/contract';
import { signedIn } from '../caller';
import type { Clock } from '../ports';
import type { CertificateService } from './certificate-service';
import type { VerificationResult } from './signing';

export function certificateHandlers(
  certificates: CertificateService,
  clock: Clock,
): HandlersOf<typeof certificateRequests> {
  return {
    'certificates.keys': () => certificates.publicKeys(),
    'certificates.list': (input) => certificates.list(input),
    'certificates.verify': (input) => verificationOutput(certificates.verify(input.text)),
    'certificates.print': (input, caller) => certificates.print(signedIn(caller), input.serial),
    'certificates.issueDuplicate': (input, caller) =>
      certificates.issueDuplicateFor(signedIn(caller), input.serial, indiaDate(clock.now())),
  };
}

/** The verifier's answer in the contract's words (the QR's short claim keys spelled out). */
function verificationOutput(result: VerificationResult): Verification {
  if (result.status === 'unreadable')
    return { status: 'unreadable', claims: null, revokedReason: null, voidReason: null };
  const claims = result.claims
    ? {
        serial: result.claims.s,
        kind:
          result.claims.t === 'A'
            ? ('audit' as const)
            : result.claims.t === 'D'
              ? ('duplicate' as const)
              : ('registration' as const),
        officeCode: result.claims.o,
        regNo: result.claims.n,
        societyName: result.claims.m,
        registeredOn: result.claims.d,
        issuedOn: result.claims.i,
        keyId: result.claims.k,
        auditFy: result.claims.y ?? null,
        grade: result.claims.g ?? null,
      }
    : null;
  return {
    status: result.status,
    claims,
    revokedReason: 'revokedReason' in result ? result.revokedReason : null,
    voidReason: 'voidReason' in result ? result.voidReason : null,
  };
}
