import { z } from 'zod';
import { registry, type ProviderId, type ProviderRegistry } from '@/lib/providers/registry';

/** The credential fields each adapter reads, as its descriptor lists them. */
export function credentialFields(id: string, providers: ProviderRegistry = registry): string[] {
  return providers.find(id)?.credentialFields.map((f) => f.name) ?? [];
}

export const PROVIDER_LABELS: Record<ProviderId, string> = registry.pick((p) => p.label);

/** The admin's credential form: the field must be one the provider's descriptor names. */
export function credentialInputFor<Id extends string>(providers: ProviderRegistry<Id>) {
  return z
    .object({
      id: z.enum(providers.ids),
      field: z.string().min(1).max(50),
      value: z.string().min(1, 'Enter the new value.').max(1000),
    })
    .refine((input) => credentialFields(input.id, providers).includes(input.field), {
      path: ['field'],
      message: 'This provider has no credential of that name.',
    });
}

export const credentialInput = credentialInputFor(registry);
