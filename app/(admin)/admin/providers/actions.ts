'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { action, refuseUnlessFresh } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { changeRoute } from '@/lib/admin/routing';
import { Refusal } from '@/lib/errors';
import {
  checkbox,
  currency,
  optionalAmount,
  productType,
  providerId,
  stringMap,
} from '@/lib/admin/schemas';
import { setHealthConfig } from '@/lib/health/config';
import {
  resumeProvider,
  setProviderCredential,
  updateProviderSettings,
} from '@/lib/provider-settings/commands';
import { credentialInput } from '@/lib/provider-settings/fields';
import { testProviderConnection } from '@/lib/provider-settings/test-connection';
import { MAX_CA_PEM_LENGTH, setProviderTls } from '@/lib/provider-settings/tls';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money';

const settingsSchema = z.object({
  id: providerId,
  enabled: checkbox,
  baseUrl: z.url('Enter a full URL, like https://api.example.com.').max(500),
  timeoutMs: z.coerce
    .number()
    .int('Whole milliseconds.')
    .min(500, 'At least 500 ms.')
    .max(120_000, 'At most 120,000 ms.'),
  paths: stringMap,
  options: stringMap,
  lowBalance: optionalAmount,
});

export const updateProviderSettingsAction = action(
  'admin',
  settingsSchema,
  async (input, { actor }) => {
    await updateProviderSettings(getDb(), actor, input.id, {
      enabled: input.enabled,
      baseUrl: input.baseUrl,
      timeoutMs: input.timeoutMs,
      paths: input.paths,
      options: input.options,
      lowBalanceMinor: input.lowBalance ?? 0,
    });
    revalidatePath(`/admin/providers/${input.id}`);
    revalidatePath('/admin/providers');
    return ok(undefined, 'Settings saved.');
  },
);

/**
 * The value goes straight to encryption; it is never echoed back, logged or put in the audit detail.
 * Needs the second factor proved in the last minutes (step-up).
 */
export const setCredentialAction = action(
  'admin',
  credentialInput,
  async (input, { user, actor }) => {
    const refused = refuseUnlessFresh(user);
    if (refused) return refused;
    await setProviderCredential(getDb(), actor, input.id, input.field, input.value);
    revalidatePath(`/admin/providers/${input.id}`);
    return ok(
      undefined,
      `${input.field} updated. The value is stored encrypted and will not be shown again.`,
    );
  },
);

/** The CA (PEM) this provider's endpoints are trusted under, or `remove` to go back to the system CAs. */
export const setProviderTlsAction = action(
  'admin',
  z.object({
    id: providerId,
    intent: z.enum(['save', 'remove']),
    caPem: z
      .string()
      .max(MAX_CA_PEM_LENGTH, 'That is too long for a CA certificate bundle.')
      .optional(),
    serverName: z.string().max(253).optional(),
  }),
  async (input, { actor }) => {
    if (input.intent === 'save' && !input.caPem?.trim())
      return fail(new Refusal('Paste the CA certificate (PEM).', 'caPem'));
    const certificates = await setProviderTls(getDb(), actor, input.id, {
      caPem: input.intent === 'remove' ? null : input.caPem!,
      serverName: input.serverName ?? null,
    });
    revalidatePath(`/admin/providers/${input.id}`);
    return ok(
      undefined,
      input.intent === 'remove'
        ? 'Private CA removed: this provider is checked against the system CAs again.'
        : `This provider now trusts ${certificates.map((c) => c.subject).join('; ')}. Use "Test connection" to check it.`,
    );
  },
  { maxFieldLength: MAX_CA_PEM_LENGTH },
);

export const testConnectionAction = action(
  'admin',
  z.object({ id: providerId }),
  async (input, { actor }) => {
    const result = await testProviderConnection(getDb(), actor, input.id);
    revalidatePath(`/admin/providers/${input.id}`);
    revalidatePath('/admin/providers');
    if (!result.ok) return fail(`Connection failed after ${result.durationMs} ms: ${result.error}`);
    return ok(
      undefined,
      `Connected in ${result.durationMs} ms. Float balance: ${formatMoney(result.amountMinor, result.currency ?? PROVIDER_CURRENCY[input.id] ?? 'NGN')}.`,
    );
  },
);

export const resumeProviderAction = action(
  'admin',
  z.object({ id: providerId }),
  async (input, { actor }) => {
    await resumeProvider(getDb(), actor, input.id);
    revalidatePath(`/admin/providers/${input.id}`);
    revalidatePath('/admin/providers');
    revalidatePath('/admin');
    return ok(undefined, `${input.id} resumed: sales route to it again.`);
  },
);

export const setHealthConfigAction = action(
  'admin',
  z.object({
    enabled: checkbox,
    thresholdPercent: z.coerce
      .number()
      .int('Whole percent.')
      .min(1, 'At least 1%.')
      .max(100, 'At most 100%.'),
    minSales: z.coerce.number().int('A whole number.').min(1, 'At least 1.').max(100_000),
  }),
  async (input, { actor }) => {
    await setHealthConfig(getDb(), actor, input);
    revalidatePath('/admin/providers');
    return ok(undefined, 'Auto-pause rule saved.');
  },
);

export const changeRouteAction = action(
  'admin',
  z.object({
    currency,
    network: z.string().min(1).max(20),
    type: productType,
    op: z.enum(['up', 'down', 'remove', 'add']),
    provider: providerId,
  }),
  async (input, { actor }) => {
    const order = await changeRoute(
      getDb(),
      actor,
      { currency: input.currency, network: input.network, type: input.type },
      { op: input.op, provider: input.provider },
    );
    revalidatePath('/admin/providers/routing');
    return ok(undefined, `${input.network} ${input.type}: ${order.join(' → ')}`);
  },
);
