import { X509Certificate } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { providerSettings } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import type { ProviderId } from '@/lib/providers/registry';
import { first } from '@/db/query';

/** What the page and the audit log show of a trusted certificate (never needed in full to judge it). */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  validTo: string;
  fingerprint256: string;
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;
export const MAX_CA_PEM_LENGTH = 32_000;
const SERVER_NAME =
  /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function summary(cert: X509Certificate): CertificateSummary {
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    validTo: cert.validTo,
    fingerprint256: cert.fingerprint256,
  };
}

/**
 * Parses pasted PEM text into the certificates it holds, refusing with a message an admin can act on:
 * anything that is not certificates (a private key pasted by mistake is refused, never stored), a
 * block that does not parse, or a certificate already expired.
 */
export function parseCaBundle(pem: string, now = new Date()): CertificateSummary[] {
  const text = pem.trim();
  if (/PRIVATE KEY-----/.test(text))
    throw new Refusal(
      'That text holds a private key. Paste only the CA certificate; keep the key secret.',
    );
  if (text.length > MAX_CA_PEM_LENGTH)
    throw new Refusal('That is too long for a CA certificate bundle.');
  const blocks = text.match(CERT_BLOCK) ?? [];
  if (blocks.length === 0 || text.replace(CERT_BLOCK, '').trim() !== '') {
    throw new Refusal(
      'Paste one or more PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----) and nothing else.',
    );
  }
  return blocks.map((block, i) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block);
    } catch {
      throw new Refusal(`Certificate ${i + 1} is not a valid X.509 certificate.`);
    }
    if (new Date(cert.validTo).getTime() < now.getTime())
      throw new Refusal(
        `Certificate ${i + 1} (${cert.subject.replace(/\n/g, ', ')}) expired on ${cert.validTo}.`,
      );
    return summary(cert);
  });
}

/** The certificates a stored bundle holds, for the settings page. */
export function describeCaBundle(pem: string | null): CertificateSummary[] {
  if (!pem) return [];
  return (pem.match(CERT_BLOCK) ?? []).map((block) => summary(new X509Certificate(block)));
}

export interface ProviderTlsInput {
  /** null removes the private trust: the provider is checked against the system's CAs again. */
  caPem: string | null;
  serverName: string | null;
}

/** Sets or removes a provider's private TLS trust; audited with each certificate's fingerprint. */
export async function setProviderTls(
  db: Db,
  actor: Actor,
  id: ProviderId,
  input: ProviderTlsInput,
  now = Date.now(),
): Promise<CertificateSummary[]> {
  const certificates = input.caPem === null ? [] : parseCaBundle(input.caPem, new Date(now));
  const serverName = input.caPem === null ? null : input.serverName?.trim() || null;
  if (serverName !== null && !SERVER_NAME.test(serverName))
    throw new Refusal('The certificate name must be a host name, like vend.cwg.example.');
  await inTransaction(db, async (tx) => {
    const before = await first(
      tx
        .select({ pem: providerSettings.caCertPem })
        .from(providerSettings)
        .where(eq(providerSettings.id, id)),
    );
    if (!before) throw new Refusal('No such provider.');
    await tx
      .update(providerSettings)
      .set({
        caCertPem: input.caPem === null ? null : input.caPem.trim(),
        tlsServerName: serverName,
        updatedAt: now,
      })
      .where(eq(providerSettings.id, id));
    await recordAudit(
      tx,
      actor,
      {
        action: 'provider.tls_trust',
        targetType: 'provider',
        targetId: id,
        detail: {
          removed: input.caPem === null,
          hadTrust: before.pem !== null,
          serverName,
          certificates: certificates.map((c) => ({
            subject: c.subject,
            fingerprint256: c.fingerprint256,
            validTo: c.validTo,
          })),
        },
      },
      now,
    );
  });
  return certificates;
}
