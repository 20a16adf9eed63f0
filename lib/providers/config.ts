// Reading ProviderConfig: every GAP path/option has a default here, overridable per deployment.
import { joinUrl } from './http';
import type { ProviderConfig } from './types';

export function urlFor(config: ProviderConfig, op: string, defaultPath: string): string {
  return joinUrl(config.baseUrl, config.paths?.[op] ?? defaultPath);
}

export function option(config: ProviderConfig, key: string, fallback: string): string {
  return config.options?.[key] ?? fallback;
}

export function intOption(config: ProviderConfig, key: string, fallback: number): number {
  const raw = config.options?.[key];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(n) ? n : fallback;
}

/** "MTN:MTN_A,GLO:GLO_A" -> { MTN: 'MTN_A', GLO: 'GLO_A' } */
export function mapOption(
  config: ProviderConfig,
  key: string,
  fallback: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of option(config, key, fallback).split(',')) {
    const [k, v] = pair.split(':').map((s) => s.trim());
    if (k && v) out[k.toUpperCase()] = v;
  }
  return out;
}

export function credential(config: ProviderConfig, key: string): string {
  const value = config.credentials[key];
  if (!value) throw new Error(`provider credential "${key}" is not configured`);
  return value;
}
