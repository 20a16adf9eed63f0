import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import {
  CredentialForm,
  ProviderSettingsForm,
  ProviderTlsForm,
  ResumeProviderForm,
  TestConnectionForm,
} from '@/app/(admin)/admin/providers/provider-forms';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { formatMoney, minorToDecimal2 } from '@/lib/money';
import { PROVIDER_LABELS } from '@/lib/provider-settings/fields';
import {
  getProviderSettings,
  isLowBalance,
  listCredentialStatus,
} from '@/lib/provider-settings/queries';
import { describeCaBundle } from '@/lib/provider-settings/tls';
import { isProviderId } from '@/lib/providers/registry';

export const metadata: Metadata = { title: 'Provider' };
export const dynamic = 'force-dynamic';

export default async function ProviderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  if (!isProviderId(id)) notFound();
  const db = getDb();
  const settings = await getProviderSettings(db, id);
  if (!settings) notFound();
  // Only when, by whom: the stored values never leave lib/provider-settings/load.ts.
  const credentials = await listCredentialStatus(db, id);
  const currency = PROVIDER_CURRENCY[id] ?? 'NGN';
  const trusted = describeCaBundle(settings.caCertPem);
  return (
    <div className="space-y-4">
      <Card
        title={PROVIDER_LABELS[id]}
        actions={
          <Link href="/admin/providers" className="text-sm text-accent-700 underline">
            All providers
          </Link>
        }
      >
        <div className="space-y-3">
          {settings.pausedAt !== null ? (
            <Notice tone="error">
              Paused since {formatDateTime(settings.pausedAt)}: {settings.pausedReason}. Sales skip
              this provider until you resume it.
            </Notice>
          ) : null}
          {isLowBalance(settings) ? (
            <Notice tone="warning">
              Float is below the alert level of {formatMoney(settings.lowBalanceMinor, currency)}.
            </Notice>
          ) : null}
          <p className="text-sm">
            Float balance:{' '}
            <strong data-testid="float-balance">
              {settings.lastBalanceMinor === null
                ? 'not read yet'
                : formatMoney(settings.lastBalanceMinor, currency)}
            </strong>
            {settings.lastBalanceAt ? (
              <span className="text-slate-600">
                {' '}
                · read {formatDateTime(settings.lastBalanceAt)}
              </span>
            ) : null}
          </p>
          <div className="flex flex-wrap gap-3">
            <TestConnectionForm id={id} />
            {settings.pausedAt !== null ? <ResumeProviderForm id={id} /> : null}
          </div>
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Settings">
          <ProviderSettingsForm
            id={id}
            enabled={settings.enabled}
            baseUrl={settings.baseUrl}
            timeoutMs={settings.timeoutMs}
            paths={JSON.stringify(settings.paths ?? {}, null, 2)}
            options={JSON.stringify(settings.options ?? {}, null, 2)}
            lowBalance={settings.lowBalanceMinor ? minorToDecimal2(settings.lowBalanceMinor) : ''}
          />
        </Card>
        <Card title="Credentials">
          <p className="mb-3 text-sm text-slate-600">
            Write-only. Stored encrypted; nobody can read a value back here. Every change is in the
            audit log.
          </p>
          <ul className="space-y-4">
            {credentials.map((c) => (
              <li
                key={c.field}
                className="rounded-lg border border-slate-200 p-3"
                data-testid={`credential-${c.field}`}
              >
                <p className="text-sm">
                  <strong className="font-mono">{c.field}</strong>:{' '}
                  {c.setAt ? (
                    `set on ${formatDateTime(c.setAt)} by ${c.setBy}`
                  ) : (
                    <span className="text-red-800">! not set</span>
                  )}
                </p>
                <CredentialForm id={id} field={c.field} isSet={c.setAt !== null} />
              </li>
            ))}
          </ul>
        </Card>
        <Card title="TLS trust">
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              For an endpoint whose certificate comes from a private CA or names a raw IP address
              (CWG). Used by this provider&apos;s calls only; certificate checks are never switched
              off.
            </p>
            {trusted.length === 0 ? (
              <p className="text-sm" data-testid="tls-trust">
                Checked against the system&apos;s CAs.
              </p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="tls-trust">
                {trusted.map((c) => (
                  <li key={c.fingerprint256}>
                    Trusts <strong>{c.subject}</strong> until {c.validTo}
                    <span className="block break-all font-mono text-xs text-slate-500">
                      SHA-256 {c.fingerprint256}
                    </span>
                  </li>
                ))}
                {settings.tlsServerName ? (
                  <li>
                    Certificate name: <span className="font-mono">{settings.tlsServerName}</span>
                  </li>
                ) : null}
              </ul>
            )}
            <ProviderTlsForm
              id={id}
              hasTrust={trusted.length > 0}
              serverName={settings.tlsServerName ?? ''}
            />
          </div>
        </Card>
      </div>
    </div>
  );
}
